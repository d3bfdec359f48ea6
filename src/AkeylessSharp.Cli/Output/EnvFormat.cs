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

        // Every value is quoted before the first line is written, so a value dotenv cannot carry leaves no partial file.
        var lines = variables.Select(v => $"{v.Key}={(format == Dotenv ? QuoteDotenv(v.Key, v.Value) : QuoteShell(v.Value))}\n").ToList();
        foreach (var line in lines)
        {
            writer.Write(line);
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
    /// A dotenv value that Docker Compose (compose-go) and python-dotenv both read back as written. Without a <c>$</c>:
    /// double-quoted with <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\r</c> and <c>\t</c> escapes. With one: single-quoted, which
    /// Compose never expands (it expands <c>$VAR</c> inside double quotes, and the two readers share no escape for
    /// <c>$</c> there), a single quote written <c>\'</c>, line feeds as they are.
    /// </summary>
    /// <exception cref="CliUsageException">
    /// The value holds a <c>$</c> and something single quotes cannot carry for both readers: <c>${...}</c> (python-dotenv
    /// expands it in any quoting), a carriage return, or a backslash before a backslash, a quote or the end (the readers
    /// unescape those differently). The message names the variable, never the value, and suggests <c>-o json</c>.
    /// </exception>
    public static string QuoteDotenv(string name, string value)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return DoubleQuoted(value);
        }

        if (SingleQuoteProblem(value) is { } problem)
        {
            throw new CliUsageException(
                $"the value of {name} holds a '$' and {problem}: no dotenv quoting keeps it literal for both Docker Compose and python-dotenv. Use -o json (or -o sh).");
        }

        return "'" + value.Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    private static string? SingleQuoteProblem(string value)
    {
        var interpolation = value.IndexOf("${", StringComparison.Ordinal);
        if (interpolation >= 0 && value.IndexOf('}', interpolation) > 0)
        {
            return "a ${...}, which python-dotenv expands in any quoting";
        }

        if (value.Contains('\r', StringComparison.Ordinal))
        {
            return "a carriage return, which only double quotes carry, where Docker Compose expands '$'";
        }

        for (var i = value.IndexOf('\\'); i >= 0; i = value.IndexOf('\\', i + 1))
        {
            if (i == value.Length - 1 || value[i + 1] is '\\' or '\'')
            {
                return "a backslash before a backslash, a quote or the end, which the two read differently inside single quotes";
            }
        }

        return null;
    }

    private static string DoubleQuoted(string value)
    {
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
