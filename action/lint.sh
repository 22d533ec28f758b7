#!/usr/bin/env bash
# The lint step of the Faultline GitHub Action (../action.yml). Runs `faultline lint` with the
# action's inputs (INPUT_* variables), writes a summary (counts per severity, top rules, findings) to
# $GITHUB_STEP_SUMMARY and the step outputs exit-code, sarif-file and sarif-path to $GITHUB_OUTPUT.
# It does not fail on findings itself: the action's last step does, after the SARIF upload.
set -uo pipefail

split() { # words of a space- or newline-separated input, without glob expansion
  local IFS=$' \t\n'
  set -f
  # shellcheck disable=SC2206
  words=($1)
  set +f
}

args=(lint --format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-warning}")
if [[ -n "${INPUT_CONFIG:-}" ]]; then
  args+=(--config "$INPUT_CONFIG")
fi
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  args+=(--baseline "$INPUT_BASELINE")
fi
summary="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/faultline-summary.XXXXXX")"
args+=(--report "markdown=$summary")
sarif=""
if [[ "${INPUT_UPLOAD_SARIF:-true}" == "true" && -n "${INPUT_SARIF_FILE:-}" ]]; then
  sarif="$INPUT_SARIF_FILE"
  args+=(--report "sarif=$sarif")
fi
split "${INPUT_REPORTS:-}"
for r in "${words[@]}"; do
  args+=(--report "$r")
done
split "${INPUT_ARGS:-}"
args+=("${words[@]}")
split "${INPUT_PATHS:-.}"
args+=(--)
args+=("${words[@]}")

echo "faultline ${args[*]}"
code=0
faultline "${args[@]}" || code=$?

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  if [[ -s "$summary" ]]; then
    cat "$summary" >> "$GITHUB_STEP_SUMMARY"
  else
    printf '### Faultline\n\nfaultline lint exited with %s before writing a report; see the log of the Lint step.\n' \
      "$code" >> "$GITHUB_STEP_SUMMARY"
  fi
fi
rm -f "$summary"
if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
  if [[ -n "$sarif" && -f "$sarif" ]]; then
    echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
    echo "sarif-path=$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")" >> "$GITHUB_OUTPUT"
  fi
fi
exit 0
