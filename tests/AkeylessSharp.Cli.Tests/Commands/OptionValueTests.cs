using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

/// <summary>An option value the library would refuse is a usage error that names the option, not a library member or parameter.</summary>
public sealed class OptionValueTests
{
    [Theory]
    [InlineData("--version", "get", "/x", "--version", "-1")]
    [InlineData("--version", "rotated", "/x", "--version", "-3")]
    [InlineData("--username", "ssh-cert", "--issuer", "/ssh/ca", "--username", "", "--public-key-file", "key.pub")]
    [InlineData("--username", "ssh-cert", "--issuer", "/ssh/ca", "--username", "  ", "--public-key-file", "key.pub")]
    public async Task OptionValueOutOfRange_IsUsageErrorNamingTheOption(string option, params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), [.. args, "--emulator"]);

        Assert.Equal(2, result.ExitCode);
        var first = result.Error.Split('\n')[0];
        Assert.StartsWith($"error: {option} ", first, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Options.", result.Error, StringComparison.Ordinal);
    }
}
