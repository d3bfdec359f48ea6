using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Tests.Output;

/// <summary>
/// <c>-o dotenv</c> writes each value so that Docker Compose and python-dotenv both read it back byte for byte, or
/// refuses it naming the variable (never the value) and suggesting <c>-o json</c>.
/// </summary>
public sealed class DotenvRoundTripTests
{
    public static TheoryData<string> Readable => new()
    {
        "plain",
        "a\"b\\c",
        "line1\nline2\r\t",
        "it's $HOME",
        "a\\$b",
        "$a\nb",
        "pa$$w0rd",
        "x$Y \"z\"",
        "$'",
        "'$'",
        "\\$",
        "$\\x",
        "tab\t$",
        "ünï$cødé",
        "$HOME\n'quoted'\nline",
        "{$}",
        "",
    };

    public static TheoryData<string> Refused => new()
    {
        "${HOME}",
        "$\\",
        "$\\\\",
        "$\\'",
        "$x\r",
        "a${b}c\nd",
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Dotenv_Value_ReadsBackLiterallyInComposeAndPythonDotenv(string value)
    {
        var line = Write(value);

        Assert.Equal(value, DotenvReaders.Compose(line));
        Assert.Equal(value, DotenvReaders.Python(line));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Dotenv_ValueNoQuotingCarries_IsUsageErrorNamingTheVariableAndJson(string value)
    {
        using var writer = new StringWriter();

        var error = Assert.Throws<CliUsageException>(() => EnvFormat.Write(writer, [new("FIRST", "ok"), new("DB_PASSWORD", value)], EnvFormat.Dotenv));

        Assert.Contains("DB_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.Contains("-o json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.Empty(writer.ToString());
    }

    [Theory]
    [InlineData("$x\r")]
    [InlineData("${HOME}")]
    public void Sh_ValueDotenvRefuses_IsStillWritten(string value) =>
        Assert.Equal($"A={EnvFormat.QuoteShell(value)}\n", WriteAs(value, EnvFormat.Shell));

    private static string Write(string value) => WriteAs(value, EnvFormat.Dotenv);

    private static string WriteAs(string value, string format)
    {
        using var writer = new StringWriter();
        EnvFormat.Write(writer, [new("A", value)], format);
        return writer.ToString();
    }
}
