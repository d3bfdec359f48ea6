using System.Diagnostics;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Packaging;

/// <summary>
/// The library works as a package: <c>dotnet pack</c> into a local feed, then a fresh project that references
/// <c>AkeylessSharp.Emulator</c> by <c>PackageReference</c> starts it in-process. Restore is offline: the only source is
/// the local feed, and the machine's package folder serves the dependencies as a read-only fallback.
/// </summary>
public sealed class LocalFeedTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);
    private readonly TempDirectory _dir = new("akeyless-feed-");

    [Fact]
    public async Task PackedLibrary_ReferencedAsPackage_Starts()
    {
        var feed = Directory.CreateDirectory(_dir.File("feed")).FullName;
        var consumer = Directory.CreateDirectory(_dir.File("consumer")).FullName;
        var version = "0.0.0-localfeed." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject(version));
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), NuGetConfig(feed, GlobalPackagesFolder()));

        var pack = await RunAsync(Repository.Root, "pack", "src/AkeylessSharp.Emulator", "-c", "Release", "-o", feed, $"-p:Version={version}",
            $"-p:ArtifactsPath={_dir.File("artifacts")}");
        Assert.True(pack.Code == 0, "dotnet pack failed:\n" + pack.Output);

        var run = await RunAsync(consumer, "run", "-c", "Release");

        Assert.True(run.Code == 0, "the consumer failed:\n" + run.Output);
        Assert.Contains("health 200", run.Output, StringComparison.Ordinal);
    }

    private static string ConsumerProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <RestorePackagesPath>packages</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AkeylessSharp.Emulator" Version="{version}" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """
        using AkeylessSharp.Emulator;
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { ConfigureLogging = b => { } });
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        Console.WriteLine($"health {(int)(await http.GetAsync("__emulator/health")).StatusCode}");
        """;

    private static string NuGetConfig(string feed, string fallback) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
          </packageSources>
          <fallbackPackageFolders>
            <clear />
            <add key="machine" value="{fallback}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static async Task<(int Code, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {StepTimeout}\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => _dir.Dispose();
}
