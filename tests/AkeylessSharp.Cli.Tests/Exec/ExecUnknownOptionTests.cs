namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>A mistyped <c>exec</c> option before <c>--</c> is a usage error, not a program that cannot be found.</summary>
public sealed class ExecUnknownOptionTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    private const string Secret = "c3VwZXItc2VjcmV0LWtleQ==";

    [Theory]
    [InlineData("--acess-key", Secret)]
    [InlineData("--acess-key=" + Secret)]
    [InlineData("--jsn-expand")]
    public async Task Exec_UnknownOptionBeforeDoubleDash_IsUsageErrorNamingIt_AndRunsNothing(params string[] typo)
    {
        var marker = Path.Combine(Path.GetTempPath(), $"akeyless-exec-{Guid.NewGuid():N}");

        var result = await emulator.RunInProcessAsync(["exec", "--map", "KEY=/demo/api/key", .. typo, "--", "touch", marker]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: '{typo[0].Split('=')[0]}' is not an option of exec", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the program ran although the command line was wrong");
    }

    [Fact]
    public async Task Exec_ProgramAfterDoubleDashStartingWithADash_IsStillTheProgram()
    {
        var result = await emulator.RunInProcessAsync("exec", "--map", "KEY=/demo/api/key", "--", "--not-a-program-anywhere");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("cannot start '--not-a-program-anywhere'", result.Error, StringComparison.Ordinal);
    }
}
