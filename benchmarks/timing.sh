#!/usr/bin/env bash
# Whole-process timings of the faultline launcher with public tools only (GNU /usr/bin/time; no
# hyperfine needed). Usage:
#
#   benchmarks/timing.sh [CORPUS_DIR] [RUNS]        (defaults: /work/shared/corpus, 5)
#
# Measures, each as the median of RUNS runs (wall seconds, CPU %, max RSS):
#   1. the whole corpus in one `faultline lint` process (default threads = processors), with the
#      launcher's default flags and with FAULTLINE_FAST_START=0;
#   2. one typical SAM template (examples/sam-orders/template.yaml), class-data-sharing archive warm;
#   3. the generated linear-growth inputs (template with 2,500 / 5,000 resources, JSON and YAML; state
#      machine with 1,000 / 2,000 states) and the 2x/1x time ratios;
#   4. the corpus with --threads 1 vs the default, runs alternating, and whether the reports are
#      byte-identical.
# The machine may be shared: the load average is printed; compare ratios rather than seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:-/work/shared/corpus}" && pwd)"
runs="${2:-5}"
fl="$root/faultline"
timebin=/usr/bin/time
[[ -x "$timebin" ]] || { echo "timing.sh: needs GNU time at /usr/bin/time (Debian package 'time')" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "nan"} else if (NR%2) {print a[(NR+1)/2]} else {printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}}'; }

# once FILE OUT CMD...: runs CMD once (stdout to OUT), appends "wall user sys maxrss" to FILE
once() {
  local file="$1" out="$2"; shift 2
  "$timebin" -f "%e %U %S %M" -o "$work/t" "$@" > "$out" 2> "$work/err" || true
  tail -n 1 "$work/t" >> "$file"
}

# summary LABEL FILE: prints and remembers the medians of the runs in FILE
declare -A WALL CPU
summary() {
  local label="$1" file="$2"
  local wall cpu pct rss
  wall="$(awk '{print $1}' "$file" | median)"
  cpu="$(awk '{print $2 + $3}' "$file" | median)"
  pct="$(awk '{printf "%.0f\n", ($1 > 0 ? 100 * ($2 + $3) / $1 : 0)}' "$file" | median)"
  rss="$(awk '{print $4}' "$file" | median)"
  WALL["$label"]="$wall"
  CPU["$label"]="$cpu"
  printf '%-36s wall %6ss  cpu %6ss (%4s%%)  max RSS %4d MB  (median of %d)\n' "$label" "$wall" "$cpu" "$pct" "$((${rss%.*} / 1024))" "$runs"
}

# measure LABEL CMD...: runs CMD $runs times (stdout to $work/out), prints and remembers the medians
measure() {
  local label="$1"; shift
  : > "$work/times"
  for _ in $(seq "$runs"); do
    once "$work/times" "$work/out" "$@"
  done
  summary "$label" "$work/times"
}

# pair LABEL_A LABEL_B CMD_A... -- CMD_B...: runs the two commands $runs times each, alternating, so
# that both see the same drift of the machine's speed (stdout to $work/out-a and $work/out-b)
pair() {
  local la="$1" lb="$2"; shift 2
  local a=()
  while [[ "$1" != "--" ]]; do a+=("$1"); shift; done
  shift
  : > "$work/times-a"
  : > "$work/times-b"
  for _ in $(seq "$runs"); do
    once "$work/times-a" "$work/out-a" "${a[@]}"
    once "$work/times-b" "$work/out-b" "$@"
  done
  summary "$la" "$work/times-a"
  summary "$lb" "$work/times-b"
}

ratio() { awk -v a="${WALL[$1]}" -v b="${WALL[$2]}" 'BEGIN {printf "%.2f", a / b}'; }
cpuratio() { awk -v a="${CPU[$1]}" -v b="${CPU[$2]}" 'BEGIN {printf "%.2f", a / b}'; }

echo "machine: $(nproc) processors, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# build the jar and warm the CDS archive (the first run writes it)
"$fl" lint --fail-on none "$root/examples/sam-orders/template.yaml" > /dev/null 2>&1 || true
# the launcher writes the archive in the background after a first run: wait for it (at most 60 s)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/faultline"
for _ in $(seq 120); do
  if compgen -G "$cache/faultline-*-$(stat -c %Y-%s "$root/cli/target/faultline.jar").jsa" > /dev/null; then
    break
  fi
  sleep 0.5
done
"$fl" lint --fail-on none "$root/examples/sam-orders/template.yaml" > /dev/null 2>&1 || true

echo
echo "== 1. corpus, one process: $corpus ($(find "$corpus" -type f | wc -l) files, $(du -sh "$corpus" | cut -f1))"
measure "corpus (launcher defaults)" "$fl" lint --fail-on none "$corpus"
cp "$work/out" "$work/corpus-default.txt"
tail -n 1 "$work/err"
measure "corpus (FAULTLINE_FAST_START=0)" env FAULTLINE_FAST_START=0 "$fl" lint --fail-on none "$corpus"

echo
echo "== 2. one SAM template, whole process, CDS archive warm"
measure "examples/sam-orders/template.yaml" "$fl" lint --fail-on none "$root/examples/sam-orders/template.yaml"

echo
echo "== 3. linear growth (generated inputs)"
gen="$work/gen"
java "$root/benchmarks/src/main/java/dev/faultline/bench/Generate.java" "$gen" | sed 's/^/   /'
for f in template-2500.json template-5000.json template-2500.yaml template-5000.yaml states-1000.asl.json states-2000.asl.json; do
  measure "$f" env FAULTLINE_FAST_START=0 "$fl" lint --fail-on none "$gen/$f"
done
echo "   2x/1x wall: template JSON $(ratio template-5000.json template-2500.json)," \
     "template YAML $(ratio template-5000.yaml template-2500.yaml)," \
     "state machine $(ratio states-2000.asl.json states-1000.asl.json)  (whole process, start-up included)"
echo "   2x/1x cpu:  template JSON $(cpuratio template-5000.json template-2500.json)," \
     "template YAML $(cpuratio template-5000.yaml template-2500.yaml)," \
     "state machine $(cpuratio states-2000.asl.json states-1000.asl.json)"

echo
echo "== 4. corpus, 1 thread vs $(nproc) threads (runs alternating)"
pair "corpus --threads 1" "corpus --threads $(nproc)" \
  "$fl" lint --fail-on none --threads 1 "$corpus" -- "$fl" lint --fail-on none --threads "$(nproc)" "$corpus"
cp "$work/out-a" "$work/corpus-1.txt"
cp "$work/out-b" "$work/corpus-n.txt"
echo "   speed-up: $(ratio "corpus --threads 1" "corpus --threads $(nproc)")x"
if cmp -s "$work/corpus-1.txt" "$work/corpus-n.txt" && cmp -s "$work/corpus-1.txt" "$work/corpus-default.txt"; then
  echo "   reports byte-identical: yes ($(wc -l < "$work/corpus-1.txt") lines)"
else
  echo "   reports byte-identical: NO"; diff "$work/corpus-1.txt" "$work/corpus-n.txt" | head -20
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
