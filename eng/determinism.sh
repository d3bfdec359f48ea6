#!/usr/bin/env bash
# Reproducible builds: clones the current commit into two folders of different depth, builds every src project
# in each as CI does (CI=true: ContinuousIntegrationBuild, deterministic paths), and compares the DLLs byte for byte.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
commit=$(git -C "$root" rev-parse HEAD)
first="$work/a"
second="$work/another/folder/b"

for dir in "$first" "$second"; do
  git clone --quiet --no-checkout "$root" "$dir"
  git -C "$dir" checkout --quiet "$commit"
  echo "== determinism: build $commit in $dir"
  # One build of every src project (a solution of them alone), as CI builds it.
  (cd "$dir" && { echo '<Solution>'; for p in src/*/*.csproj; do echo "  <Project Path=\"$p\" />"; done; echo '</Solution>'; } >src.slnx \
     && CI=true dotnet build src.slnx -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null)
done

compared=0 differ=0
for project in "$first"/src/*/*.csproj; do
  name=$(basename "$project" .csproj)
  a="$first/artifacts/bin/$name/release/$name.dll"
  b="$second/artifacts/bin/$name/release/$name.dll"
  compared=$((compared + 1))
  if ! cmp -s "$a" "$b"; then
    echo "determinism: $name.dll differs between the two folders"
    differ=$((differ + 1))
  fi
done
echo "determinism: $compared assemblies compared, $differ differ"
[ "$compared" -gt 0 ] && [ "$differ" -eq 0 ]
