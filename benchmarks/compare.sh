#!/usr/bin/env bash
# Side by side, whole process: Faultline (through ./faultline, after its first use has made the
# class-data archive) against cfn-lint (plus serverless-rules when that is installed) on the same
# files, and `java -version` as the machine's JVM start-up baseline. Runs are paired and interleaved
# (A, B, A, B, ...) so both see the same load; it prints the median of each and the median of the
# per-pair ratios. Usage:
#
#   benchmarks/compare.sh [CORPUS_DIR] [RUNS]        (defaults: /work/shared/corpus, 7)
#
# Cases: 1. one SAM template (examples/sam-orders/template.yaml); 2. the first 100 templates of the
# corpus (sorted paths); 3. every template of the corpus (files that mention AWSTemplateFormatVersion,
# Resources: or "Resources"). Both tools get the same file list. cfn-lint is looked up on PATH; it
# is not needed for the Faultline and java -version columns (on a machine without it, the script
# says so and times only those).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "${1:-/work/shared/corpus}" && pwd)"
runs="${2:-7}"
fl="$root/faultline"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# milliseconds of wall time of one run of "$@", output discarded
ms() {
  local s e
  s=$(date +%s%N)
  "$@" > /dev/null 2>&1 || true
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2] + a[NR/2+1]) / 2}'; }

# pair LABEL_A LABEL_B -- CMD_A... -- CMD_B...: $runs interleaved pairs, medians and the ratio B/A
pair() {
  local la="$1" lb="$2"; shift 3
  local a=() b=()
  while [[ "$1" != "--" ]]; do a+=("$1"); shift; done
  shift
  b=("$@")
  : > "$work/a"; : > "$work/b"; : > "$work/r"
  for _ in $(seq "$runs"); do
    local x y
    x=$(ms "${a[@]}")
    y=$(ms "${b[@]}")
    echo "$x" >> "$work/a"; echo "$y" >> "$work/b"
    awk -v x="$x" -v y="$y" 'BEGIN {printf "%.4f\n", (x > 0 ? y / x : 0)}' >> "$work/r"
  done
  printf '   %-22s %8s ms   %-22s %8s ms   %s/%s %6.2f  (median of %d pairs, load %s)\n' \
    "$la" "$(median < "$work/a")" "$lb" "$(median < "$work/b")" "$lb" "$la" "$(median < "$work/r")" \
    "$runs" "$(cut -d' ' -f1 /proc/loadavg)"
}

cfnlint=()
if command -v cfn-lint > /dev/null 2>&1; then
  cfnlint=(cfn-lint)
  if python3 -c 'import cfn_lint_serverless' > /dev/null 2>&1; then
    cfnlint+=(--append-rules cfn_lint_serverless.rules)
  fi
  cfnlint+=(--)
fi

echo "machine: $(nproc) processors, $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ${#cfnlint[@]} -eq 0 ]]; then
  echo "cfn-lint: NOT INSTALLED (not on PATH) - only Faultline and java -version are timed."
  echo "          Install it with 'pip install cfn-lint cfn-lint-serverless' and rerun for the comparison."
else
  echo "cfn-lint: $(cfn-lint --version 2>&1 | head -1) (${cfnlint[*]})"
fi

# the templates of the corpus, in sorted order
find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 \
  | xargs -0 grep -l -E 'AWSTemplateFormatVersion|^Resources:|"Resources"' 2>/dev/null | LC_ALL=C sort > "$work/all"
head -n 100 "$work/all" > "$work/100"
one="$root/examples/sam-orders/template.yaml"

# first use of the launcher: builds the jar if needed and makes the class-data archive (background)
"$fl" lint --fail-on none "$one" > /dev/null 2>&1 || true
for _ in $(seq 120); do
  compgen -G "${XDG_CACHE_HOME:-$HOME/.cache}/faultline/*.jsa" > /dev/null && [[ -z "$(compgen -G "${XDG_CACHE_HOME:-$HOME/.cache}/faultline/*.lock")" ]] && break
  sleep 0.5
done

lint=("$fl" lint --fail-on none --threads "$(nproc)")
case_run() {
  local label="$1" list="$2"
  echo
  echo "== $label ($(wc -l < "$list") files)"
  mapfile -t files < "$list"
  pair "java -version" "faultline" -- java -version -- "${lint[@]}" "${files[@]}"
  if [[ ${#cfnlint[@]} -gt 0 ]]; then
    pair "faultline" "cfn-lint" -- "${lint[@]}" "${files[@]}" -- "${cfnlint[@]}" "${files[@]}"
  fi
}
echo "$one" > "$work/one"
case_run "1. one SAM template: examples/sam-orders/template.yaml" "$work/one"
case_run "2. 100 templates of $corpus" "$work/100"
case_run "3. every template of $corpus" "$work/all"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
