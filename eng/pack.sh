#!/usr/bin/env bash
# Packs every src project (libraries and the two .NET tools) into artifacts/packages: a .nupkg with its README and
# icon, and a .snupkg with the symbols, SourceLinked to the commit. On CI (CI=true) the build is reproducible.
#   eng/pack.sh                       # then: dotnet tool install --global AkeylessSharp.Cli --add-source artifacts/packages
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out="$ArtifactsPath/packages"
rm -rf "$out" && mkdir -p "$out"

# One pack of all src projects together: a solution of them alone, beside the real one.
list="$ArtifactsPath/pack/src.slnx"
mkdir -p "$(dirname "$list")"
{
  echo '<Solution>'
  for project in src/*/*.csproj; do echo "  <Project Path=\"$(realpath --relative-to="$(dirname "$list")" "$project")\" />"; done
  echo '</Solution>'
} >"$list"

dotnet pack "$list" -c Release -nologo -v quiet -clp:ErrorsOnly -o "$out"
ls "$out"
