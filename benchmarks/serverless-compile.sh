#!/usr/bin/env bash
# The Serverless Framework itself as the oracle for the serverless.yml expander: compiles services
# with `serverless package` (the open-source v3 fork `osls`, no login, with the
# `serverless-step-functions` plugin) and compares the compiled CloudFormation template's logical ids
# and failure settings with the nodes Faultline makes from the same serverless.yml
# (dev.faultline.bench.ServerlessCompare). Outside the default build: it needs Node.js, npm and the
# npm registry (once), and it runs the framework, which Faultline itself never does.
#
#   benchmarks/serverless-compile.sh [SERVICE_DIR | SERVICE_FILE ...]
#
# Default services: every serverless.yml under testdata/serverless/ and every serverless*.yml fixture
# under test-fixtures/src/main/resources/fixtures/ (a file is packaged with --config). Each service
# folder is copied (with its parent, for `${file(../base.yml)}` includes)
# into a temporary directory and packaged there with dummy credentials (region us-east-1; nothing is
# deployed, no AWS call is made for services without ssm/cf/s3 variables); plugins the service names
# that are not installed are replaced by empty stubs. Environment:
#   FAULTLINE_SLS_HOME   where the framework is installed (default ~/.cache/faultline-sls)
#   OSLS_VERSION         npm version of osls (default 3), SFN_PLUGIN_VERSION (default 3)
#   KEEP=1               keep the temporary directories (their paths are printed)
# Needs cli/target/faultline.jar (./mvnw -B -o -q package -pl cli -am -DskipTests -Dinvoker.skip
# -Dspotless.check.skip -Dpmd.skip); ServerlessCompare.java runs as a single-file program on it.
# Exit code: 0 when every compared resource of every service matches, 1 otherwise.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${FAULTLINE_SLS_HOME:-$HOME/.cache/faultline-sls}"
jar="$root/cli/target/faultline.jar"
compare="$root/benchmarks/src/main/java/dev/faultline/bench/ServerlessCompare.java"
[[ -f "$jar" ]] || { echo "serverless-compile.sh: build the CLI jar first ($jar)" >&2; exit 2; }
command -v node > /dev/null && command -v npm > /dev/null \
  || { echo "serverless-compile.sh: needs node and npm on PATH" >&2; exit 2; }

if [[ ! -f "$home/node_modules/osls/bin/serverless.js" ]]; then
  mkdir -p "$home"
  (cd "$home" && [[ -f package.json ]] || npm init -y > /dev/null)
  # --ignore-scripts: no install scripts of the framework's dependencies run
  (cd "$home" && npm install --no-audit --no-fund --ignore-scripts \
     "osls@${OSLS_VERSION:-3}" "serverless-step-functions@${SFN_PLUGIN_VERSION:-3}") \
    || { echo "serverless-compile.sh: npm install failed" >&2; exit 2; }
fi
echo "framework: osls $(node -p "require('$home/node_modules/osls/package.json').version")," \
  "serverless-step-functions $(node -p "require('$home/node_modules/serverless-step-functions/package.json').version")"

services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  while IFS= read -r f; do services+=("$f"); done < <(
    { find "$root/testdata/serverless" -name serverless.yml;
      find "$root/test-fixtures/src/main/resources/fixtures" -name 'serverless*.yml'; } 2> /dev/null | sort)
fi

status=0
for svc in "${services[@]}"; do
  config=""
  if [[ -f "$svc" ]]; then
    config="$(basename "$svc")"
    svc="$(dirname "$svc")"
  fi
  [[ -d "$svc" ]] || continue
  svc="$(cd "$svc" && pwd)"
  parent="$(dirname "$svc")"
  name="$(basename "$svc")"
  work="$(mktemp -d)"
  cp -r "$parent" "$work/p"
  dir="$work/p/$name"
  mkdir -p "$dir/node_modules"
  for m in "$home"/node_modules/* "$home"/node_modules/.bin; do
    ln -s "$m" "$dir/node_modules/$(basename "$m")" 2> /dev/null || true
  done
  # plugins listed under `plugins:` (in the service or a file it includes) that we do not have: stubs
  for p in $(find "$work/p" -maxdepth 2 -name '*.y*ml' -exec sed -n '/^plugins:/,/^[^ -]/p' {} + \
               | grep -oE '^\s*-\s*[@a-zA-Z0-9._/-]+' | sed -E 's/^\s*-\s*//' | sort -u); do
    if [[ ! -e "$dir/node_modules/$p" ]]; then
      mkdir -p "$dir/node_modules/$p"
      echo 'module.exports = class Stub { constructor() { this.hooks = {}; } };' > "$dir/node_modules/$p/index.js"
    fi
  done
  # the vendored services keep no handler code; the framework refuses to package an empty folder
  [[ -e "$dir/handler.js" ]] || echo 'exports.handler = async () => {};' > "$dir/handler.js"
  log="$work/package.log"
  (cd "$dir" && AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=dummy-secret \
     AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 SLS_TELEMETRY_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
     SLS_DEPRECATION_DISABLE='*' timeout 300 node "$home/node_modules/osls/bin/serverless.js" package \
     ${config:+--config "$config"} > "$log" 2>&1)
  compiled="$dir/.serverless/cloudformation-template-update-stack.json"
  if [[ ! -f "$compiled" ]]; then
    echo "# $svc: the framework did not compile it:"
    grep -vE '^\s*$' "$log" | tail -5 | sed 's/^/    /'
    status=1
  else
    yml="$svc/${config:-$(cd "$svc" && ls serverless.y*ml | head -1)}"
    java -cp "$jar" "$compare" "$yml" "$compiled" || status=1
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
done
exit $status
