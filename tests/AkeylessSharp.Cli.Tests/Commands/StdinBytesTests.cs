using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

/// <summary>Values through real pipes: <c>set --stdin</c> stores the bytes exactly or refuses them, <c>get</c> prints them exactly.</summary>
public sealed class StdinBytesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task SetStdin_BytesThatAreNotUtf8_ExitsTwoAndStoresNothing()
    {
        var path = EmulatorFixture.UniquePath();

        var set = await SetFromPrintfAsync(@"ab\377cd\n", path);

        Assert.True(set.ExitCode == 2, set.ToString());
        Assert.Contains("standard input is not UTF-8", set.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("FF", set.Error, StringComparison.Ordinal);
        Assert.Equal(4, (await fixture.RunAsync("get", path)).ExitCode);
    }

    [Fact]
    public async Task SetStdin_ByteOrderMarkAndMultibyteText_StoredByteForByte()
    {
        var path = EmulatorFixture.UniquePath();

        var set = await SetFromPrintfAsync(@"\357\273\277p\303\244ss\342\202\254\n", path);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal("\uFEFFpäss€\n", (await fixture.RunAsync("get", path)).Out);
    }

    [Fact]
    public async Task Get_PipedUnderALatin1Locale_PrintsTheUtf8BytesOfTheValue()
    {
        const string Value = "päss€";
        var path = EmulatorFixture.UniquePath();
        await fixture.RunWithStdinAsync(Value, "set", path, "--stdin");
        var environment = new Dictionary<string, string?>(fixture.Environment()) { ["LC_ALL"] = "en_US.ISO-8859-1", ["LANG"] = "en_US.ISO-8859-1" };

        var get = await ProcessRun.RunAsync(ProcessRun.Tool(environment, "get", path));

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Value + "\n"), get.Out);
    }

    private Task<ProcessResult> SetFromPrintfAsync(string printfFormat, string path) =>
        ProcessRun.RunAsync(ProcessRun.WithEnvironment(
            ProcessRun.Bash("printf \"$1\" | \"${@:2}\"", [printfFormat, .. ProcessRun.ToolCommand, "set", path, "--stdin"]),
            fixture.Environment()));
}
