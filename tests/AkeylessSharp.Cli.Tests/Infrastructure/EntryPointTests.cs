using System.Diagnostics;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>Runs the built tool as a real process: proves Program, the console wiring and the environment variables.</summary>
public sealed class EntryPointTests
{
    [Fact]
    public async Task Process_GetWithEnvironment_PrintsValueAndExitsZero_ThenNotFoundExitsFour()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });

        var found = await RunToolAsync(emulator, "get", EmulatorFixture.StaticPath);
        var missing = await RunToolAsync(emulator, "get", "/no/such/item");

        Assert.Equal(0, found.ExitCode);
        Assert.Equal(EmulatorFixture.StaticValue + "\n", found.Out);
        Assert.Equal(string.Empty, found.Error);
        Assert.Equal(4, missing.ExitCode);
        Assert.StartsWith("error: item /no/such/item not found (404).", missing.Error, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunToolAsync(AkeylessEmulator emulator, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AkeylessSharp.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AKEYLESS_API_URL"] = emulator.BaseUrl.ToString();
        start.Environment["AKEYLESS_ACCESS_ID"] = emulator.AccessId;
        start.Environment["AKEYLESS_ACCESS_KEY"] = emulator.AccessKey;
        start.Environment.Remove("AKEYLESS_CONNECTION_STRING");

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
