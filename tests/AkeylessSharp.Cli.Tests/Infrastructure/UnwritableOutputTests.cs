using AkeylessSharp.Cli.Tests.Exec;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>
/// A value that cannot be printed (standard output closed, a full disk) is one error line saying standard output is
/// the problem and exit code 1: not .NET's "Access to the path is denied" and the usage code 2.
/// </summary>
public sealed class UnwritableOutputTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Theory]
    [InlineData(">&-", "cannot write to standard output: it is closed.")]
    [InlineData(">/dev/full", "cannot write to standard output: No space left on device.")]
    public async Task Get_StandardOutputUnwritable_OneErrorLineNamingStandardOutput_Exit1(string redirection, string expected)
    {
        var start = ProcessRun.WithEnvironment(ProcessRun.Bash($"\"$@\" {redirection}", [.. ProcessRun.ToolCommand, "get", "/demo/db/password"]), emulator.Environment());

        var result = await ProcessRun.RunAsync(start);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: " + expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.DbPassword, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2>&-", "/demo/nope", 4)]
    [InlineData("2>/dev/full", "/demo/nope", 4)]
    [InlineData("2>&-", "/demo/db/password", 0)]
    public async Task Get_StandardErrorUnwritable_ExitCodeIsStillTheDocumentedOne(string redirection, string path, int expected)
    {
        var start = ProcessRun.WithEnvironment(ProcessRun.Bash($"\"$@\" {redirection}", [.. ProcessRun.ToolCommand, "get", path]), emulator.Environment());

        var result = await ProcessRun.RunAsync(start);

        Assert.True(result.ExitCode == expected, result.ToString());
        Assert.Equal(expected == 0 ? ExecEmulator.DbPassword + "\n" : string.Empty, result.OutText);
    }
}
