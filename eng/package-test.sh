#!/usr/bin/env bash
# Uses the packages as a team would, from the local feed that eng/pack.sh fills (not project references):
# every package carries a README, an icon and a .snupkg with SourceLink; the CLI installs as a .NET tool and runs;
# a consumer project builds and runs from the library packages, and with AkeylessSharp.CloudId.Aws alone it
# restores no Azure or Google package. Packs first unless PACKAGES_READY=1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export ArtifactsPath="${ArtifactsPath:-$root/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
feed="$ArtifactsPath/packages"
[ "${PACKAGES_READY:-0}" = 1 ] || bash eng/pack.sh >/dev/null
version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "package-test: FAILED $*"; failures=$((failures + 1)); }

echo "== package-test: contents of $feed"
for project in src/*/*.csproj; do
  id=$(basename "$project" .csproj)
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || { fail "$id: no package"; continue; }
  [ -f "$feed/$id.$version.snupkg" ] || fail "$id: no symbol package (.snupkg)"
  files=$(unzip -Z1 "$nupkg")
  grep -qx 'README.md' <<<"$files" || fail "$id: no README.md"
  grep -qx 'icon.png' <<<"$files" || fail "$id: no icon.png"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  for element in '<readme>README.md</readme>' '<icon>icon.png</icon>' '<description>' '<tags>' '<license type="expression">' '<repository type="git" url="https://'; do
    grep -qF "$element" <<<"$nuspec" || fail "$id: nuspec lacks $element"
  done
  pdb=$(unzip -Z1 "$feed/$id.$version.snupkg" | grep -m 1 "/$id.pdb$" || true)
  [ -z "$pdb" ] || unzip -p "$feed/$id.$version.snupkg" "$pdb" >"$work/symbols.pdb"
  if [ -z "$pdb" ] || ! grep -aqE '\{"documents":\{"[^"]*":"https://' "$work/symbols.pdb"; then
    fail "$id: the symbols have no SourceLink"
  fi
done

# A NuGet folder of its own, so the packages come from the feed rather than an older copy; everything else is
# read from the machine's global packages folder.
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="AkeylessSharp*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
  <fallbackPackageFolders>
    <add key="machine" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
  </fallbackPackageFolders>
</configuration>
CONFIG
export NUGET_PACKAGES="$work/packages"

echo "== package-test: dotnet tool install AkeylessSharp.Cli from the feed"
dotnet tool install AkeylessSharp.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null
value=$("$work/tools/akeyless-sharp" get /demo/db/password --emulator --seed src/AkeylessSharp.Emulator/seeds/demo.json 2>/dev/null) \
  || fail "akeyless-sharp get exited with $?"
[ "${value:-}" = "s3cr3t-v2" ] || fail "akeyless-sharp get printed '${value:-}', expected the seeded value"

echo "== package-test: a consumer project built from the packages"
mkdir -p "$work/consumer"
cp "$work/nuget.config" "$work/consumer/"
cat >"$work/consumer/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="AkeylessSharp" Version="$version" />
    <PackageReference Include="AkeylessSharp.Configuration" Version="$version" />
    <PackageReference Include="AkeylessSharp.Caching.StackExchangeRedis" Version="$version" />
    <PackageReference Include="AkeylessSharp.CloudId.Aws" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
  </ItemGroup>
</Project>
PROJECT
cat >"$work/consumer/Program.cs" <<'PROGRAM'
using AkeylessSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Akeyless:AccessType"] = "aws_iam",
    ["Akeyless:AccessId"] = "p-abcdefghij0w01",
}).Build();
var services = new ServiceCollection();
services.AddAkeyless(settings.GetSection("Akeyless")).AddAwsCloudId().AddRedisCache("127.0.0.1:6379", c => c.EncryptionKey = Convert.ToBase64String(new byte[32]));
using var provider = services.BuildServiceProvider();
var options = AkeylessClientOptions.FromConfiguration(settings.GetSection("Akeyless"));
Console.WriteLine($"consumer: {options.AccessType}, {provider.GetServices<AkeylessSharp.Auth.ICloudIdProvider>().Count()} cloud-id provider");
PROGRAM
# Outside this repository's build settings, artifacts folder included.
unset ArtifactsPath
(cd "$work/consumer" && dotnet build -c Release -nologo -v quiet -clp:ErrorsOnly >"$work/consumer.log" 2>&1) || { cat "$work/consumer.log"; fail "the consumer does not build"; }
output=$(cd "$work/consumer" && dotnet bin/Release/net10.0/Consumer.dll 2>&1) || fail "the consumer exited with $?: $output"
[ "${output:-}" = "consumer: AwsIam, 1 cloud-id provider" ] || fail "the consumer printed '${output:-}'"
restored=$(grep -o -E '"(Azure|Google)[A-Za-z.]*/[0-9][^"]*"' "$work/consumer/obj/project.assets.json" | sort -u || true)
[ -z "$restored" ] || fail "an AWS-only app restored: $restored"

total=$(ls "$feed"/*.nupkg | wc -l)
if [ "$failures" -gt 0 ]; then
  echo "package-test: $failures failures"
  exit 1
fi
echo "package-test: ok ($total packages; the CLI installed from the feed and ran; the consumer built from the packages, no Azure/Google package)"
