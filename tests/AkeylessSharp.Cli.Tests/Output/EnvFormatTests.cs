using AkeylessSharp.Cli.Commands;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Tests.Output;

public sealed class EnvFormatTests
{
    [Theory]
    [InlineData("/prod/db/password", "PROD_DB_PASSWORD")]
    [InlineData("/a-b.c", "A_B_C")]
    [InlineData("/1st", "_1ST")]
    public void NameFor_Path_IsUpperSnakeCase(string path, string expected) =>
        Assert.Equal(expected, EnvFormat.NameFor(path));

    [Theory]
    [InlineData("plain-value_1", "plain-value_1")]
    [InlineData("has space", "'has space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void Quote_Value_IsShellSafe(string value, string expected) =>
        Assert.Equal(expected, EnvFormat.Quote(value));

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("8h", 28800)]
    [InlineData("1d", 86400)]
    public void ParseDuration_Forms_AreSeconds(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SshCertCommand.ParseDuration(text));

    [Fact]
    public void ParseDuration_Garbage_IsUsageError() =>
        Assert.Throws<CliUsageException>(() => SshCertCommand.ParseDuration("soon"));
}
