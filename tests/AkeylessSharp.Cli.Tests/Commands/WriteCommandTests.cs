using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class WriteCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Secret = "p@ss w0rd 'with' \"quotes\"";

    [Fact]
    public async Task Set_Stdin_CreatesSecretWithoutTrailingNewline()
    {
        var path = EmulatorFixture.UniquePath();

        var set = await fixture.RunWithStdinAsync(Secret + "\n", "set", path, "--stdin");
        var get = await fixture.RunAsync("get", path);

        Assert.Equal(0, set.ExitCode);
        Assert.Empty(set.Out);
        Assert.Empty(set.Error);
        Assert.Equal(Secret + "\n", get.Out);
    }

    [Fact]
    public async Task Set_Existing_WritesNewVersion()
    {
        var path = EmulatorFixture.UniquePath();
        await fixture.RunWithStdinAsync("v1", "set", path, "--stdin");

        var set = await fixture.RunWithStdinAsync("v2", "set", path, "--stdin");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal("v2\n", (await fixture.RunAsync("get", path)).Out);
        Assert.Equal("v1\n", (await fixture.RunAsync("get", path, "--version", "1")).Out);
    }

    [Fact]
    public async Task Set_GetPipedToSetStdin_CopiesValueExactly()
    {
        var path = EmulatorFixture.UniquePath();
        var source = await fixture.RunAsync("get", EmulatorFixture.StaticPath);

        await fixture.RunWithStdinAsync(source.Out, "set", path, "--stdin");

        Assert.Equal(source.Out, (await fixture.RunAsync("get", path)).Out);
    }

    [Theory]
    [InlineData("ends-with-cr\r")]
    [InlineData("crlf-inside\r\nand-a-cr\r")]
    public async Task Set_GetOfAValueEndingInCarriageReturnPipedToSetStdin_CopiesItExactly(string value)
    {
        using var file = await TempFile.WithTextAsync(value);
        var source = EmulatorFixture.UniquePath();
        var copy = EmulatorFixture.UniquePath();
        await fixture.RunAsync("set", source, "--file", file.Path);

        await fixture.RunWithStdinAsync((await fixture.RunAsync("get", source)).Out, "set", copy, "--stdin");

        Assert.Equal(value + "\n", (await fixture.RunAsync("get", copy)).Out);
    }

    [Fact]
    public async Task Set_ValueArgument_WarnsOnStderrWithoutValue()
    {
        var path = EmulatorFixture.UniquePath();

        var result = await fixture.RunAsync("set", path, Secret);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("warning: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.Equal(Secret + "\n", (await fixture.RunAsync("get", path)).Out);
    }

    [Fact]
    public async Task Set_File_StoresContentByteForByte()
    {
        var path = EmulatorFixture.UniquePath();
        using var file = await TempFile.WithTextAsync("line1\nline2\n");

        var result = await fixture.RunAsync("set", path, "--file", file.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("line1\nline2\n\n", (await fixture.RunAsync("get", path)).Out);
    }

    [Fact]
    public async Task Set_FileNotUtf8_ExitsTwoAndStoresNothing()
    {
        var path = EmulatorFixture.UniquePath();
        using var file = await TempFile.WithBytesAsync([0x6b, 0x65, 0x79, 0xff, 0xfe, 0x00, 0x01]);

        var result = await fixture.RunAsync("set", path, "--file", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not UTF-8", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, (await fixture.RunAsync("describe", path)).ExitCode);
    }

    [Fact]
    public async Task Set_FileWithByteOrderMark_KeepsIt()
    {
        var path = EmulatorFixture.UniquePath();
        using var file = await TempFile.WithBytesAsync([0xef, 0xbb, 0xbf, 0x76]);

        Assert.Equal(0, (await fixture.RunAsync("set", path, "--file", file.Path)).ExitCode);

        Assert.Equal("\ufeffv\n", (await fixture.RunAsync("get", path)).Out);
    }

    [Fact]
    public async Task Set_FileIsADirectory_ExitsTwoSayingSo()
    {
        var result = await fixture.RunAsync("set", EmulatorFixture.UniquePath(), "--file", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_MetadataOptions_AreStoredOnCreate()
    {
        var path = EmulatorFixture.UniquePath();

        await fixture.RunWithStdinAsync("""{"a":1}""", "set", path, "--stdin", "--description", "made by cli", "--tag", "t1", "--tag", "t2", "--format", "json");
        var describe = await fixture.RunAsync("describe", path, "-o", "json");

        using var json = JsonDocument.Parse(describe.Out);
        Assert.Equal("made by cli", json.RootElement.GetProperty("description").GetString());
        Assert.Equal(["t1", "t2"], json.RootElement.GetProperty("tags").EnumerateArray().Select(static t => t.GetString()!).ToArray());
        Assert.Equal("json", json.RootElement.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("set")]
    [InlineData("create")]
    [InlineData("update")]
    public async Task Write_NoValueSource_ExitsTwo(string command)
    {
        var result = await fixture.RunAsync(command, EmulatorFixture.UniquePath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--stdin", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("set")]
    [InlineData("create")]
    [InlineData("update")]
    public async Task Write_UnquotedValueWithSpaces_ExitsTwoWithoutEchoingTheWords(string command)
    {
        var path = EmulatorFixture.UniquePath();

        var result = await fixture.RunAsync(command, path, "hunter2", "correct-horse", "-battery9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 more words", result.Error, StringComparison.Ordinal);
        Assert.Contains("Quote", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("correct-horse", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("battery9", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, (await fixture.RunAsync("describe", path)).ExitCode);
    }

    [Fact]
    public async Task Set_MistypedOption_IsStillNamed()
    {
        var result = await fixture.RunAsync("set", EmulatorFixture.UniquePath(), "value", "--descripton");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--descripton", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_TwoValueSources_ExitsTwo()
    {
        var result = await fixture.RunWithStdinAsync("x", "set", EmulatorFixture.UniquePath(), "value", "--stdin");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Set_EmptyStdin_ExitsTwo()
    {
        var result = await fixture.RunWithStdinAsync(string.Empty, "set", EmulatorFixture.UniquePath(), "--stdin");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Set_MissingFile_ExitsTwo()
    {
        var result = await fixture.RunAsync("set", EmulatorFixture.UniquePath(), "--file", "/no/such/file");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_New_Succeeds_AndExisting_ExitsOne()
    {
        var path = EmulatorFixture.UniquePath();

        var first = await fixture.RunWithStdinAsync(Secret, "create", path, "--stdin");
        var second = await fixture.RunWithStdinAsync(Secret, "create", path, "--stdin");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_OnTerminal_Confirms()
    {
        var path = EmulatorFixture.UniquePath();

        var result = await CliRun.RunAsync(fixture.Environment(), ["create", path, "--stdin"], "v", terminal: true);

        Assert.Equal($"Created {path}.\n", result.Out);
    }

    [Fact]
    public async Task Update_NoKeepPrevious_DropsOldVersions()
    {
        var path = EmulatorFixture.UniquePath();
        await fixture.RunWithStdinAsync("v1", "create", path, "--stdin");

        var update = await fixture.RunWithStdinAsync("v2", "update", path, "--stdin", "--no-keep-previous");
        var old = await fixture.RunAsync("get", path, "--version", "1");

        Assert.Equal(0, update.ExitCode);
        Assert.Equal("v2\n", (await fixture.RunAsync("get", path)).Out);
        Assert.NotEqual("v1\n", old.Out);
    }

    [Fact]
    public async Task Update_KeepPrevious_KeepsOldVersion()
    {
        var path = EmulatorFixture.UniquePath();
        await fixture.RunWithStdinAsync("v1", "create", path, "--stdin");

        await fixture.RunWithStdinAsync("v2", "update", path, "--stdin", "--keep-previous");

        Assert.Equal("v1\n", (await fixture.RunAsync("get", path, "--version", "1")).Out);
    }

    [Fact]
    public async Task Update_BothKeepFlags_ExitsTwo()
    {
        var result = await fixture.RunWithStdinAsync("v", "update", EmulatorFixture.UniquePath(), "--stdin", "--keep-previous", "--no-keep-previous");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Update_Missing_ExitsFour()
    {
        var result = await fixture.RunWithStdinAsync(Secret, "update", EmulatorFixture.UniquePath(), "--stdin");

        Assert.Equal(4, result.ExitCode);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
    }
}
