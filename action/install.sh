#!/usr/bin/env bash
# The install step of the Faultline GitHub Action (../action.yml): unpacks the Faultline distribution
# into $RUNNER_TEMP and puts its bin/ on the PATH of the later steps. The distribution is downloaded
# from FAULTLINE_RELEASE_URL (a faultline-VERSION.tar.gz), or, when that is empty, built from the
# action's own checkout ($GITHUB_ACTION_PATH), so the action always runs the Faultline of its version.
set -euo pipefail

dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/faultline-dist"
rm -rf "$dest"
mkdir -p "$dest"
if [[ -n "${FAULTLINE_RELEASE_URL:-}" ]]; then
  echo "faultline: downloading $FAULTLINE_RELEASE_URL"
  curl -fsSL --retry 3 -o "$dest/faultline.tar.gz" "$FAULTLINE_RELEASE_URL"
  archive="$dest/faultline.tar.gz"
else
  src="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
  echo "faultline: building the distribution from $src (set release-url to skip the build)"
  (cd "$src" && ./mvnw -B -q -DskipTests -Dinvoker.skip package -pl distribution -am)
  archive="$(ls "$src"/distribution/target/faultline-*.tar.gz | head -n 1)"
fi
tar xzf "$archive" -C "$dest"
home="$(ls -d "$dest"/faultline-*/ | head -n 1)"
home="${home%/}"
"$home/bin/faultline" --version
if [[ -n "${GITHUB_PATH:-}" ]]; then
  echo "$home/bin" >> "$GITHUB_PATH"
fi
