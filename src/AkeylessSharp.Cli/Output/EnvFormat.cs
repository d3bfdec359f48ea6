using System.Text;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Output;

/// <summary>
/// Writes variables as <c>sh</c> assignments (safe to <c>eval</c> for any value), <c>dotenv</c> lines or a JSON object.
/// Names must already be valid (<see cref="EnvVariableName"/>); the writer checks them again, as the last line of defence.
/// </summary>
internal static class EnvFormat
{
    public const string Shell = "sh";
    public const string Dotenv = "dotenv";
    public const string Json = "json";

    public static readonly string[] All = [Shell, Dotenv, Json];

    /// <exception cref="CliUsageException">A name is invalid, or a value holds a NUL character, which no environment can carry; the message names the variable, never the value.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<KeyValuePair<string, string>> variables, string format)
    {
        Validate(variables);
        if (format == Json)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in variables)
            {
                map[name] = value;
            }

            CliJsonContext.Write(writer, map, CliJsonContext.Output.DictionaryStringString);
            return;
        }

        foreach (var (name, value) in variables)
        {
            writer.Write(name);
            writer.Write('=');
            writer.Write(format == Dotenv ? QuoteDotenv(value) : QuoteShell(value));
            writer.Write('\n');
        }
    }

    /// <summary>Checks what no environment can carry: an invalid name, or a NUL character in a value.</summary>
    /// <exception cref="CliUsageException">The message names the variable, never the value.</exception>
    public static void Validate(IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        foreach (var (name, value) in variables)
        {
            EnvVariableName.Require(name, "variable");
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new CliUsageException($"the value of {name} contains a NUL character, which an environment variable cannot hold.");
            }
        }
    }

    /// <summary>
    /// A POSIX single-quoted word: nothing inside single quotes is special (no <c>$</c>, backtick, backslash or newline
    /// handling), and a single quote is written as <c>'\''</c> (close, escaped quote, reopen).
    /// </summary>
    public static string QuoteShell(string value) =>
        "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A dotenv value: double-quoted with <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\r</c> and <c>\t</c> escapes (python-dotenv,
    /// Docker Compose); single-quoted instead when it holds a <c>$</c> and nothing single quotes cannot carry as is (a
    /// single quote, a backslash, a line break), because Docker Compose expands <c>$VAR</c> inside double quotes and never
    /// inside single ones.
    /// </summary>
    public static string QuoteDotenv(string value)
    {
        if (value.Contains('$', StringComparison.Ordinal) && value.AsSpan().IndexOfAny("'\\\n\r") < 0)
        {
            return "'" + value + "'";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }
}
