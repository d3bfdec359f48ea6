using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Settings;

/// <summary><c>--timeout</c> is the whole call's limit: it raises a lower AttemptTimeout / TotalRequestTimeout to itself.</summary>
public sealed class TimeoutFlagTests
{
    [Fact]
    public async Task Timeout_AboveTheInnerLimits_LetsOneSlowAnswerFinish()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });
        emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(1.5));
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl={emulator.BaseUrl};AccessId={emulator.AccessId};AccessKey='{emulator.AccessKey}';MaxRetries=0;AttemptTimeout=0.3;TotalRequestTimeout=0.6",
        };

        var result = await CliRun.RunAsync(environment, ["--timeout", "30", "get", EmulatorFixture.StaticPath, "--type", "static"]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task NoTimeoutFlag_InnerLimitsStillEndASlowAnswer()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });
        emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(1.5));
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl={emulator.BaseUrl};AccessId={emulator.AccessId};AccessKey='{emulator.AccessKey}';MaxRetries=0;AttemptTimeout=0.3;TotalRequestTimeout=0.6",
        };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--type", "static"]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("raise --timeout", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_SaysTimeoutRaisesTheInnerLimits()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "--help"]);

        Assert.Contains("raises a lower AttemptTimeout / TotalRequestTimeout", System.Text.RegularExpressions.Regex.Replace(result.Out, @"\s+", " "), StringComparison.Ordinal);
    }
}
