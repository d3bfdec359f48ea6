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
    [InlineData("db/é", "DB__")]
    public void FromPath_Path_IsUpperSnakeCase(string path, string expected) =>
        Assert.Equal(expected, EnvVariableName.FromPath(path));

    [Theory]
    [InlineData("A", true)]
    [InlineData("_a1", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("1BAD", false)]
    [InlineData("", false)]
    [InlineData("A-B", false)]
    [InlineData("A B", false)]
    [InlineData("A;B", false)]
    [InlineData("É", false)]
    public void IsValid_FollowsPosix(string name, bool valid) =>
        Assert.Equal(valid, EnvVariableName.IsValid(name));

    [Theory]
    [InlineData("plain-value_1", "'plain-value_1'")]
    [InlineData("has space", "'has space'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("", "''")]
    public void QuoteShell_Value_IsSingleQuoted(string value, string expected) =>
        Assert.Equal(expected, EnvFormat.QuoteShell(value));

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line1\nline2\r\t", "\"line1\\nline2\\r\\t\"")]
    public void QuoteDotenv_Value_EscapesQuotesBackslashesAndControls(string value, string expected) =>
        Assert.Equal(expected, EnvFormat.QuoteDotenv("A", value));

    [Theory]
    [InlineData("pa$$w0rd", "'pa$$w0rd'")]
    [InlineData("x$Y \"z\"", "'x$Y \"z\"'")]
    [InlineData("it's $HOME", "'it\\'s $HOME'")]
    [InlineData("a\\$b", "'a\\$b'")]
    [InlineData("$a\nb", "'$a\nb'")]
    public void QuoteDotenv_ValueWithADollar_IsSingleQuoted_WhichDockerComposeNeverExpands(string value, string expected) =>
        Assert.Equal(expected, EnvFormat.QuoteDotenv("A", value));

    [Fact]
    public void Write_Json_IsObjectKeyedByVariable()
    {
        using var writer = new StringWriter();

        EnvFormat.Write(writer, [new("B", "2"), new("A", "x\"y")], EnvFormat.Json);

        Assert.Equal("{\n  \"B\": \"2\",\n  \"A\": \"x\\\"y\"\n}", writer.ToString().TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_InvalidName_IsUsageErrorNamingItButNotTheValue()
    {
        using var writer = new StringWriter();

        var error = Assert.Throws<CliUsageException>(() => EnvFormat.Write(writer, [new("1BAD", "the-value")], EnvFormat.Shell));

        Assert.Contains("'1BAD'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-value", error.Message, StringComparison.Ordinal);
        Assert.Empty(writer.ToString());
    }

    [Fact]
    public void Write_NulInValue_IsUsageErrorNamingTheVariable()
    {
        using var writer = new StringWriter();

        var error = Assert.Throws<CliUsageException>(() => EnvFormat.Write(writer, [new("A", "x\0y")], EnvFormat.Dotenv));

        Assert.Contains("A", error.Message, StringComparison.Ordinal);
        Assert.Empty(writer.ToString());
    }

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
