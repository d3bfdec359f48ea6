using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>
/// Usage errors of the parser: a mistyped option is named, but the word it was given (perhaps an access key) is not
/// echoed; each error is one line.
/// </summary>
public sealed class MistypedOptionTests
{
    private const string Secret = "c3VwZXItc2VjcmV0LWtleQ==";

    // Without '=': cutting a word at the first '=' hides none of it.
    private const string Unpadded = "c3VwZXItc2VjcmV0LWtleTE";

    [Theory]
    [InlineData("get", "/x", "--acess-key", Secret)]
    [InlineData("--acess-key", Secret, "get", "/x")]
    [InlineData("get", "/x", "--acess-key=" + Secret)]
    [InlineData("list", "/", "--uid-tokn", Secret)]
    [InlineData("get", "/x", "--acess-key:" + Unpadded)]
    [InlineData("get", "--acess-key:" + Unpadded, "/x")]
    [InlineData("get-many", "/x", "--acess-key:" + Unpadded)]
    [InlineData("exec", "--acess-key:" + Unpadded, "--map", "A=/x", "--", "true")]
    public async Task MistypedOption_ItsValue_IsNotEchoed(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(args.First(static a => a.StartsWith("--", StringComparison.Ordinal)).Split('=', ':')[0], result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Unpadded, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("'bogus'", "'key-value'", "create", "/x", "v", "--format", "bogus")]
    [InlineData("'yaml'", "'names'", "list", "-o", "yaml")]
    [InlineData("'tcsh'", "'powershell'", "completion", "tcsh")]
    public async Task ValueNotAmongTheChoices_IsOneErrorLineListingThem(string given, string aChoice, params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(given, lines[0], StringComparison.Ordinal);
        Assert.Contains(aChoice, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\t', lines[0]);
        Assert.StartsWith("Run '", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownWordWithoutAnOptionBeforeIt_IsStillNamed()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "/x", "extra-word"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'extra-word'", result.Error, StringComparison.Ordinal);
    }
}
