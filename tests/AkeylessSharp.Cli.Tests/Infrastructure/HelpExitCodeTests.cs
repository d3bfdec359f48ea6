using System.Text.RegularExpressions;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>A script author reading <c>--help</c> learns the exit codes the README documents, without the README.</summary>
public sealed partial class HelpExitCodeTests
{
    [Fact]
    public async Task RootHelp_NamesEveryExitCodeOfTheReadmeTable()
    {
        var codes = CliReadme.Table("## Exit codes").Select(static row => row[0]).Where(static code => code.All(char.IsAsciiDigit)).ToList();

        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), ["--help"]);

        var paragraph = ExitCodesParagraph().Match(help.Out);
        Assert.True(paragraph.Success, help.Out);
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Matches($@"\b{code}\b", paragraph.Value));
    }

    [Fact]
    public async Task AuthTestHelp_NamesTheCodesItsReadmeRowPromises()
    {
        var row = CliReadme.Table("## Commands").Single(static r => r[0] == "`auth test`");
        var promised = Regex.Matches(row[1], @"\b\d\b").Select(static m => m.Value).ToList();

        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), ["auth", "test", "--help"]);

        Assert.Equal(["0", "3", "5"], promised);
        Assert.All(promised, code => Assert.Matches($@"\b{code}\b", help.Out.Split("Usage:")[0]));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("get --help")]
    public async Task HelpOrVersion_StandardOutputFull_OneErrorLineNoStackTrace(string words)
    {
        var result = await ProcessRun.RunAsync(ProcessRun.Bash("\"${@:2}\" $1 > /dev/full", [words, .. ProcessRun.ToolCommand]));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [GeneratedRegex(@"Exit codes:[^\n]*(\n  [^\n]+)*")]
    private static partial Regex ExitCodesParagraph();
}
