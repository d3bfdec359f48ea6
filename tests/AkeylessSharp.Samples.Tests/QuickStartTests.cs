namespace AkeylessSharp.Samples.Tests;

/// <summary>The main job of the README (<c>dotnet run --project samples/QuickStart</c>) on the embedded emulator.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task QuickStart_OnTheEmbeddedEmulator_RunsEveryStepAndExitsZero()
    {
        await using var run = SampleProcess.Start("QuickStart", new Dictionary<string, string>());

        int exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, run.ToString());
        Assert.Contains("1. Started the embedded emulator at http://127.0.0.1:", run.Output, StringComparison.Ordinal);
        Assert.Contains("(10 chars), the latest version written", run.Output, StringComparison.Ordinal);
        Assert.Contains("13. Missing after delete: True", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("p@", run.Output, StringComparison.Ordinal); // no part of the password it wrote
        Assert.Contains("QuickStart finished.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task QuickStart_UseEnvironmentWithoutCredentials_ExitsTwoNamingTheVariables()
    {
        await using var run = SampleProcess.Start("QuickStart", new Dictionary<string, string>(), "--use-environment");

        int exitCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 2, run.ToString());
        Assert.Contains("AKEYLESS_ACCESS_ID", run.Output + run.Error, StringComparison.Ordinal);
    }
}
