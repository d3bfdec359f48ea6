using System.Globalization;
using System.Text;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Settings;

/// <summary>
/// Reads an Akeyless CLI profile, <c>~/.akeyless/profiles/NAME.toml</c>, as <c>akeyless configure</c> writes it: one
/// table named after the profile (<c>["default"]</c>) of <c>key = 'value'</c> lines. The format is flat, so this reads
/// the small part of TOML it uses: comments, table headers, and literal, basic or bare values. Keys of the profile's
/// table and keys before any table are kept; other tables are ignored.
/// </summary>
internal static class ProfileFile
{
    /// <exception cref="CliUsageException">A line is not <c>key = value</c>; the message names the file and line, never a value.</exception>
    public static Dictionary<string, string> Parse(string text, string profile, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var inProfile = true;
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = HeaderEnd(line);
                inProfile = close > 0 && Unquote(line[1..close].Trim()) == profile;
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Malformed(path, number, "expected key = 'value'");
            }

            var key = Unquote(line[..equals].Trim());
            var value = ReadValue(line[(equals + 1)..].Trim()) ?? throw Malformed(path, number, $"the value of '{key}' is not a single-line string");
            if (inProfile)
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>The index of the <c>]</c> that ends a table header: the first outside quotes, so a comment after it (<c>[default] # [x]</c>) is not part of the name.</summary>
    private static int HeaderEnd(string line)
    {
        var quote = '\0';
        for (var i = 1; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0] ? text[1..^1] : text;

    /// <summary>A literal <c>'…'</c>, a basic <c>"…"</c> with escapes, or a bare word; an optional <c># comment</c> after it.</summary>
    private static string? ReadValue(string text)
    {
        if (text.StartsWith("'''", StringComparison.Ordinal) || text.StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.StartsWith('\''))
        {
            var close = text.IndexOf('\'', 1);
            return close > 0 && IsEnd(text[(close + 1)..]) ? text[1..close] : null;
        }

        if (text.StartsWith('"'))
        {
            return ReadBasic(text);
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var bare = (hash >= 0 ? text[..hash] : text).Trim();
        return bare.Length > 0 ? bare : null;
    }

    private static string? ReadBasic(string text)
    {
        var builder = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return IsEnd(text[(i + 1)..]) ? builder.ToString() : null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= text.Length)
            {
                return null;
            }

            switch (text[i])
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case 'u' when i + 4 < text.Length && int.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: return null;
            }
        }

        return null;
    }

    private static bool IsEnd(string rest) => rest.TrimStart() is var tail && (tail.Length == 0 || tail[0] == '#');

    private static CliUsageException Malformed(string path, int line, string problem) =>
        new($"the Akeyless CLI profile {path}, line {line}: {problem}.");
}
