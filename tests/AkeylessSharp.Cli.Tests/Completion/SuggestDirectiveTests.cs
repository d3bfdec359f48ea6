using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Completion;

/// <summary>The <c>[suggest]</c> directive the completion scripts call: System.CommandLine's completions at the cursor.</summary>
public sealed class SuggestDirectiveTests
{
    private static readonly Dictionary<string, string?> s_noSettings = [];

    [Fact]
    public async Task Suggest_AfterToolName_ListsEveryCommand()
    {
        var result = await CliRun.RunAsync(s_noSettings, ["[suggest:15]", "akeyless-sharp "]);

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result);
        foreach (var command in new[] { "get", "get-many", "env", "exec", "serve", "completion", "list", "auth", "version" })
        {
            Assert.Contains(command, lines);
        }

        Assert.Contains("--api-url", lines);
    }

    [Theory]
    [InlineData("akeyless-sharp ge", "get", "get-many")]
    [InlineData("akeyless-sharp get --json-a", "--json-attribute")]
    [InlineData("akeyless-sharp exec --ma", "--map")]
    [InlineData("akeyless-sharp list -o ", "json", "names", "table")]
    [InlineData("akeyless-sharp env -o d", "dotenv")]
    [InlineData("akeyless-sharp completion ", "bash", "fish", "powershell", "zsh")]
    public async Task Suggest_AtEndOfLine_GivesMatchingWords(string line, params string[] expected)
    {
        var result = await CliRun.RunAsync(s_noSettings, [$"[suggest:{line.Length}]", line]);

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result);
        Assert.All(expected, e => Assert.Contains(e, lines));
        static bool IsWord(string s) => !s.StartsWith('-') && !s.StartsWith('/');
        Assert.Equal(expected.Where(IsWord).Order(StringComparer.Ordinal), lines.Where(IsWord).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Suggest_WithoutPosition_CompletesTheWholeLine()
    {
        var result = await CliRun.RunAsync(s_noSettings, ["[suggest]", "akeyless-sharp get --json-a"]);

        Assert.Equal(["--json-attribute"], Lines(result));
    }

    [Fact]
    public async Task Suggest_CursorInsideLine_CompletesTheWordAtTheCursor()
    {
        var result = await CliRun.RunAsync(s_noSettings, ["[suggest:17]", "akeyless-sharp ge /some/path"]);

        Assert.Contains("get-many", Lines(result));
    }

    [Fact]
    public async Task Suggest_PositionFarPastTheLine_CompletesAsAfterASpace()
    {
        // A process of its own: padding the line out to the position once made the runtime abort (out of memory).
        var result = await ProcessRun.RunAsync(ProcessRun.Tool(s_noSettings, $"[suggest:{int.MaxValue}]", "akeyless-sharp list -o"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["json", "names", "table"], result.OutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(static l => !l.StartsWith('-')));
    }

    [Fact]
    public async Task Suggest_BadPosition_IsUsageError()
    {
        var result = await CliRun.RunAsync(s_noSettings, ["[suggest:x]", "akeyless-sharp "]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
    }

    private static string[] Lines(CliResult result) => result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
