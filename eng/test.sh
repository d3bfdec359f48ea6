#!/usr/bin/env bash
# Runs the whole test suite: every xunit project, then the official-SDK conformance script against the emulator.
# Ends with one line "N passed, N failed" summing everything; exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration="${CONFIGURATION:-Release}"
results="$ArtifactsPath/test-results"
rm -rf "$results" && mkdir -p "$results"

status=0
if ! command -v redis-server >/dev/null; then
  echo "note: redis-server is not on PATH; the Redis cache tests need it (Debian: apt-get install -y redis-server)." >&2
fi

echo "== build ($configuration)"
if ! dotnet build AkeylessSharp.slnx -c "$configuration" -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== xunit"
# The CLI's signal tests need SIGINT and SIGHUP to reach the tool: a run started under nohup or as a background job of
# a non-interactive shell inherits them ignored, and the tool (like any Unix program) keeps them so. Restore the defaults.
default_signals=()
if env --default-signal=INT true 2>/dev/null; then default_signals=(env --default-signal=INT,HUP,QUIT); fi
"${default_signals[@]}" dotnet test AkeylessSharp.slnx -c "$configuration" --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang --blame-hang-timeout 120s --blame-hang-dump-type none || status=1

passed=0 failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
  # A run the host aborted (a hang past --blame-hang-timeout, a crash) counts as a failure even if no test failed.
  outcome=$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$trx" | head -n 1 | sed 's/.*="\(.*\)"/\1/')
  case "$outcome" in Completed|Failed) ;; *) echo "$(basename "$trx"): run outcome '$outcome'"; failed=$((failed + 1)) ;; esac
done
trx_count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
projects=$(grep -c 'tests/.*Tests.csproj' AkeylessSharp.slnx)
if [ "$trx_count" -lt "$projects" ]; then
  echo "only $trx_count of $projects test projects reported results (a test host crashed?)"
  failed=$((failed + projects - trx_count)); status=1
fi

echo "== conformance (official akeyless npm SDK against the emulator)"
if [ -f tests/conformance/run.sh ]; then
  conf_out=$(EMULATOR_DLL="$ArtifactsPath/bin/AkeylessSharp.Emulator.Tool/${configuration,,}/AkeylessSharp.Emulator.Tool.dll" \
    bash tests/conformance/run.sh 2>&1); conf_status=$?
  echo "$conf_out"
  line=$(grep -E '^conformance: [0-9]+ passed, [0-9]+ failed' <<<"$conf_out" | tail -n 1)
  if [ -n "$line" ]; then
    cp=$(sed -E 's/^conformance: ([0-9]+) passed.*/\1/' <<<"$line")
    cf=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
    passed=$((passed + cp)); failed=$((failed + cf))
  else
    failed=$((failed + 1))
  fi
  [ "$conf_status" -eq 0 ] || status=1
fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
