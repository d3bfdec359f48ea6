namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>Empty or malformed paths are usage errors (exit 2) caught before any request, naming what is wrong.</summary>
public sealed class PathErrorTests
{
    [Theory]
    [InlineData("empty", "get", "")]
    [InlineData("empty", "get", "   ")]
    [InlineData("empty segment", "get", "/a//b")]
    [InlineData("ends with '/'", "get", "/a/")]
    [InlineData("space", "get", " /a")]
    [InlineData("control character", "get", "/a\nb")]
    [InlineData("empty", "describe", "")]
    [InlineData("empty", "delete", "", "--yes")]
    [InlineData("empty", "dynamic", "")]
    [InlineData("empty", "rotated", "")]
    [InlineData("empty", "permissions", "")]
    [InlineData("empty", "set", "", "value")]
    [InlineData("empty segment", "update", "/x//y", "value")]
    [InlineData("empty", "create", "", "value")]
    [InlineData("empty", "get-many", "/ok", "")]
    [InlineData("empty", "get-many", "A=")]
    [InlineData("empty segment", "list", "/a//")]
    [InlineData("empty", "ssh-cert", "--issuer", "", "--username", "u", "--public-key-file", "k.pub")]
    [InlineData("empty", "exec", "--map", "A=", "--", "true")]
    [InlineData("empty", "exec", "--path", " ", "--", "true")]
    public async Task MalformedPath_IsUsageErrorExitTwo(string problem, params string[] args)
    {
        // No settings at all: the check must come before any connection.
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Out);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ArgumentException", result.Error, StringComparison.Ordinal);
    }
}
