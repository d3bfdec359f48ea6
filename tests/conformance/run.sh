#!/usr/bin/env bash
# Runs the official-SDK conformance tests against a freshly started AkeylessSharp emulator.
#
#   bash tests/conformance/run.sh
#
# The emulator runs in strict wire mode, so every request the SDK sends must match the emulator's field table.
# Env: EMULATOR_DLL   a prebuilt AkeylessSharp.Emulator.Tool.dll, the akeyless-emulator tool (otherwise the emulator is built here, into
#                     $ArtifactsPath, default <repo>/artifacts, configuration $CONFIGURATION, default Release)
#      NODE_TEST_ARGS extra arguments for `node --test` (e.g. --test-name-pattern=ssh)
# Prints a last line "conformance: N passed, N failed" and exits non-zero on any failure.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
page_size=5
work=$(mktemp -d "${TMPDIR:-/tmp}/akeyless-conformance.XXXXXX")
emulator_pid=""

summary() {
  echo "conformance: $1 passed, $2 failed"
}

cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$emulator_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$emulator_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail_setup() {
  echo "conformance setup failed: $*" >&2
  summary 0 1
  exit 1
}

command -v node >/dev/null || fail_setup "node is not on PATH"
command -v dotnet >/dev/null || fail_setup "dotnet is not on PATH"

# 1. The emulator binary.
dll="${EMULATOR_DLL:-}"
if [ -z "$dll" ]; then
  export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
  configuration="${CONFIGURATION:-Release}"
  echo "== building the emulator ($configuration, artifacts in $ArtifactsPath)"
  dotnet build "$root/src/AkeylessSharp.Emulator.Tool" -c "$configuration" -nologo -v quiet >"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; fail_setup "the emulator does not build"; }
  dll="$ArtifactsPath/bin/AkeylessSharp.Emulator.Tool/${configuration,,}/AkeylessSharp.Emulator.Tool.dll"
fi
[ -f "$dll" ] || fail_setup "emulator not found at $dll"

# 2. The SDK (pinned by package-lock.json).
if [ ! -d "$here/node_modules/akeyless" ]; then
  echo "== npm ci"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail_setup "npm ci failed"
fi

# 3. Seed (with a per-run SSH CA key) and a free loopback port.
node "$here/seed.js" "$work/seed.json" || fail_setup "cannot write the seed"
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})') \
  || fail_setup "cannot find a free port"
url="http://127.0.0.1:$port"

# 4. Start the emulator and wait (at most 60 s) for its health endpoint.
echo "== starting the emulator at $url"
dotnet "$dll" --urls "$url" --seed "$work/seed.json" --page-size "$page_size" --strict >"$work/emulator.log" 2>&1 &
emulator_pid=$!
deadline=$((SECONDS + 60))
until [ "$(node -e 'fetch(process.argv[1]).then(r=>console.log(r.status),()=>console.log(0))' "$url/__emulator/health")" = 200 ]; do
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    tail -n 40 "$work/emulator.log" >&2
    fail_setup "the emulator exited during start-up"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 40 "$work/emulator.log" >&2
    fail_setup "the emulator was not healthy within 60 s"
  fi
  sleep 0.25
done

# 5. The tests: spec output for people, TAP to a file for the counts.
echo "== node --test conformance.js (akeyless $(node -p 'require(process.argv[1]).version' "$here/node_modules/akeyless/package.json"))"
(
  cd "$here" &&
    AKEYLESS_URL="$url" CONFORMANCE_PAGE_SIZE="$page_size" CONFORMANCE_SSH_CA_PUB="$work/seed.json.ca.pub.pem" \
      timeout 120 node --test --test-timeout=30000 ${NODE_TEST_ARGS:-} \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$work/results.tap" \
      conformance.js
)
node_status=$?

count() { sed -n "s/^# $1 \([0-9][0-9]*\)$/\1/p" "$work/results.tap" 2>/dev/null | tail -n 1; }
passed=$(count pass)
failed=$(count fail)
cancelled=$(count cancelled)
if [ -z "$passed" ] || [ -z "$failed" ]; then
  echo "node --test produced no summary (exit $node_status)" >&2
  summary "${passed:-0}" "$(( ${failed:-0} + 1 ))"
  exit 1
fi
failed=$((failed + ${cancelled:-0}))
if [ "$failed" -gt 0 ] || [ "$node_status" -ne 0 ]; then
  echo "== emulator log (last 30 lines)"
  tail -n 30 "$work/emulator.log"
fi
if [ "$failed" -eq 0 ] && [ "$node_status" -ne 0 ]; then
  failed=1
fi
summary "$passed" "$failed"
[ "$failed" -eq 0 ]
