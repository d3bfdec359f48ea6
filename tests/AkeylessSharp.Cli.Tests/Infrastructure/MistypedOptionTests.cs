using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>A mistyped option is named in the usage error, but the word it was given (perhaps an access key) is not echoed.</summary>
public sealed class MistypedOptionTests
{
    private const string Secret = "c3VwZXItc2VjcmV0LWtleQ==";

    [Theory]
    [InlineData("get", "/x", "--acess-key", Secret)]
    [InlineData("--acess-key", Secret, "get", "/x")]
    [InlineData("get", "/x", "--acess-key=" + Secret)]
    [InlineData("list", "/", "--uid-tokn", Secret)]
    public async Task MistypedOption_ItsValue_IsNotEchoed(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(args.First(static a => a.StartsWith("--", StringComparison.Ordinal)).Split('=')[0], result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task UnknownWordWithoutAnOptionBeforeIt_IsStillNamed()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "/x", "extra-word"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'extra-word'", result.Error, StringComparison.Ordinal);
    }
}
