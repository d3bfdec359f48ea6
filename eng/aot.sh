#!/usr/bin/env bash
# Publishes samples/NativeAot with Native AOT (every trim/AOT warning is an error), runs it against an emulator
# started as a separate process, and checks its output. Prints the executable's size and start-up figures.
# Needs clang and zlib1g-dev (.ci/run installs them; Debian: apt-get install -y clang zlib1g-dev).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

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

echo "== aot: publish samples/NativeAot"
dotnet build "$emulator_project" -c Release -nologo -v quiet
if ! dotnet publish samples/NativeAot/NativeAot.csproj -c Release -nologo -v quiet \
    -p:CppCompilerAndLinker="$compiler" >"$log/publish.log" 2>&1 || grep -q -i ': warning ' "$log/publish.log"; then
  cat "$log/publish.log"
  echo "aot: the publish failed or warned"
  exit 1
fi
exe="$ArtifactsPath/publish/NativeAot/release/NativeAot"

echo "== aot: run against the emulator"
dotnet "$ArtifactsPath/bin/$emulator_name/release/$emulator_name.dll" --urls http://127.0.0.1:0 >"$log/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 300); do
  url=$(grep -o -m 1 'listening on http://[0-9.:]*' "$log/emulator.log" | sed 's/listening on //' || true)
  [ -n "$url" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  cat "$log/emulator.log"
  echo "aot: the emulator did not start"
  exit 1
fi

output=$(AKEYLESS_API_URL="$url" "$exe") || { echo "$output"; echo "aot: the executable failed"; exit 1; }
echo "$output"
for check in '^ok client: first secret' '^ok di: ' '^ok configuration: '; do
  grep -q "$check" <<<"$output" || { echo "aot: missing output line $check"; exit 1; }
done
echo "aot: ok, executable $(( $(stat -c %s "$exe") / 1024 / 1024 )) MB"
