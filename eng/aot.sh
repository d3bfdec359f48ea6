#!/usr/bin/env bash
# Native AOT: publishes samples/NativeAot (the three main paths, every trim/AOT warning an error) and
# tests/AkeylessSharp.AotSmoke (every library package on its main paths), runs both against the emulator tool started as
# a separate process (seeded with the smoke's seed.json) and a redis-server when one is installed, and checks their output.
# Prints each executable's size and start-up figures.
# Needs clang and zlib1g-dev (.ci/run installs them; Debian: apt-get install -y clang zlib1g-dev), redis-server for the
# Redis cache check (skipped without it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Warnings the smoke's publish may show, each from a dependency's own code, never from ours:
# - Microsoft.Extensions.Caching.Hybrid: HybridCache's JSON serializer for types other than string and byte[] (its
#   AddHybridCache registers it); our entries are strings, which HybridCache serializes without it.
# - Newtonsoft.Json, Google.Apis.Core: Google.Apis.Auth reads credential files with Newtonsoft.Json. Under Native AOT the
#   gcp package works with the metadata server's identity and names the problem for a key file (its README).
allowed_smoke_warnings='Microsoft\.Extensions\.Caching\.Hybrid|Newtonsoft\.Json\.dll|Google\.Apis\.Core\.dll'

# The native linker: clang, or a versioned clang-NN when only that is installed.
compiler=$(command -v clang || ls /usr/bin/clang-[0-9]* 2>/dev/null | grep -E '/clang-[0-9]+$' | sort -V | tail -n 1 || true)
if [ -z "$compiler" ]; then
  echo "aot: clang is not installed (Debian: apt-get install -y clang zlib1g-dev)" >&2
  exit 1
fi

emulator_project=$(grep -l '<ToolCommandName>akeyless-emulator</ToolCommandName>' src/*/*.csproj | head -n 1)
emulator_name=$(basename "$emulator_project" .csproj)
log="$ArtifactsPath/aot"
mkdir -p "$log"

# publish PROJECT NAME ALLOWED: publishes with Native AOT; fails on any warning that does not match ALLOWED (empty: none).
publish() {
  local project=$1 name=$2 allowed=$3
  echo "== aot: publish $project"
  if ! dotnet publish "$project" -c Release -nologo -v quiet -p:TreatWarningsAsErrors=false \
      -p:CppCompilerAndLinker="$compiler" >"$log/$name.publish.log" 2>&1; then
    cat "$log/$name.publish.log"
    echo "aot: the publish of $project failed"
    exit 1
  fi
  local unexpected
  unexpected=$(grep -i ': warning ' "$log/$name.publish.log" | { if [ -n "$allowed" ]; then grep -v -E "$allowed"; else cat; fi; } | sort -u || true)
  if [ -n "$unexpected" ]; then
    echo "$unexpected"
    echo "aot: the publish of $project warned"
    exit 1
  fi
}

publish samples/NativeAot/NativeAot.csproj NativeAot ""
publish tests/AkeylessSharp.AotSmoke/AkeylessSharp.AotSmoke.csproj AkeylessSharp.AotSmoke "$allowed_smoke_warnings"

echo "== aot: start the emulator and redis-server"
dotnet build "$emulator_project" -c Release -nologo -v quiet
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
dotnet "$ArtifactsPath/bin/$emulator_name/release/$emulator_name.dll" --urls http://127.0.0.1:0 \
  --seed tests/AkeylessSharp.AotSmoke/seed.json >"$log/emulator.log" 2>&1 &
pids+=($!)
redis=""
if command -v redis-server >/dev/null; then
  # A random port; redis-server exits at once when it is taken, then the next one is tried.
  for _ in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >"$log/redis.log" 2>&1 &
    redis_pid=$!
    for _ in $(seq 1 50); do
      grep -q 'Ready to accept connections' "$log/redis.log" && break
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.1
    done
    if grep -q 'Ready to accept connections' "$log/redis.log"; then
      pids+=("$redis_pid")
      redis="127.0.0.1:$port"
      break
    fi
    kill "$redis_pid" 2>/dev/null || true
  done
  [ -n "$redis" ] || { cat "$log/redis.log"; echo "aot: redis-server did not start"; exit 1; }
fi
url=""
for _ in $(seq 1 300); do
  url=$(grep -o -m 1 'listening on http://[0-9.:]*' "$log/emulator.log" | sed 's/listening on //' || true)
  [ -n "$url" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  cat "$log/emulator.log"
  echo "aot: the emulator did not start"
  exit 1
fi

# run NAME CHECK...: runs a published executable and checks its output has every CHECK line.
run() {
  local name=$1; shift
  local exe="$ArtifactsPath/publish/$name/release/$name" output
  echo "== aot: run $name against the emulator"
  output=$(AKEYLESS_API_URL="$url" AKEYLESS_REDIS="$redis" timeout 120 "$exe") || { echo "$output"; echo "aot: $name failed"; exit 1; }
  echo "$output"
  for check in "$@"; do
    grep -q "$check" <<<"$output" || { echo "aot: $name is missing the output line $check"; exit 1; }
  done
  echo "aot: ok, $name executable $(( $(stat -c %s "$exe") / 1024 / 1024 )) MB"
}

run NativeAot '^ok client: first secret' '^ok di: ' '^ok configuration: '
smoke_checks=('^ok cloud id: aws' '^ok cloud id: azure' '^ok cloud id: gcp' '^ok cache: hybrid' '^ok aspire: the health check' '^ok di: a health check for a client never registered' '^all checks passed')
[ -n "$redis" ] && smoke_checks+=('^ok cache: redis holds the entry, encrypted')
run AkeylessSharp.AotSmoke "${smoke_checks[@]}"
