using System.Text;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Cli.Tests.Output;

/// <summary>
/// How the two dotenv readers that matter read one quoted <c>NAME=value</c> entry, modelled on their sources:
/// compose-go's <c>dotenv/parser.go</c> (Docker Compose) and python-dotenv's <c>parser.py</c> / <c>variables.py</c>.
/// An expansion shows as <see cref="Expanded"/>, so a test can tell a literal value from one a reader changed.
/// </summary>
internal static partial class DotenvReaders
{
    public const string Expanded = "\u0001expanded\u0001";

    /// <summary>Docker Compose: scan to the unescaped quote; in double quotes unescape, then expand <c>$</c>.</summary>
    public static string Compose(string entry)
    {
        var src = ValueOf(entry);
        var quote = src[0];
        var chars = new StringBuilder();
        var escaped = false;
        for (var i = 1; i < src.Length; i++)
        {
            var c = src[i];
            if (c != quote)
            {
                if (!escaped && c == '\\')
                {
                    escaped = true;
                    continue;
                }

                if (escaped)
                {
                    escaped = false;
                    chars.Append('\\');
                }

                chars.Append(c);
                continue;
            }

            if (escaped)
            {
                escaped = false;
                chars.Append(c);
                continue;
            }

            Assert.Equal(src.Length - 1, i);
            return quote == '"' ? ComposeSubstitute(ComposeEscapes().Replace(chars.ToString(), ComposeEscape)) : chars.ToString();
        }

        throw new InvalidOperationException("unterminated quoted value");
    }

    /// <summary>python-dotenv: the quoted-value regexes, their escapes, then <c>${...}</c> interpolation (the default).</summary>
    public static string Python(string entry)
    {
        var src = ValueOf(entry);
        var match = src[0] == '\'' ? PythonSingle().Match(src) : PythonDouble().Match(src);
        Assert.True(match.Success && match.Length == src.Length, $"python-dotenv would not read {src} as one quoted value");
        var escapes = src[0] == '\'' ? PythonSingleEscapes() : PythonDoubleEscapes();
        var value = escapes.Replace(match.Groups[1].Value, m => m.Value[1] switch
        {
            'n' => "\n",
            'r' => "\r",
            't' => "\t",
            'a' => "\a",
            'b' => "\b",
            'f' => "\f",
            'v' => "\v",
            var c => c.ToString(),
        });
        return PythonVariable().Replace(value, Expanded);
    }

    private static string ValueOf(string entry)
    {
        Assert.EndsWith("\n", entry, StringComparison.Ordinal);
        return entry[(entry.IndexOf('=', StringComparison.Ordinal) + 1)..^1];
    }

    private static string ComposeEscape(Match m) => m.Value[1] switch
    {
        '$' => "$$",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'a' => "\a",
        'b' => "\b",
        'f' => "\f",
        'v' => "\v",
        var c => c.ToString(),
    };

    // compose-go's template: "$$" is a literal '$'; any other '$' starts a variable (or is an invalid template).
    private static string ComposeSubstitute(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$')
            {
                result.Append(value[i]);
            }
            else if (i + 1 < value.Length && value[i + 1] == '$')
            {
                result.Append('$');
                i++;
            }
            else
            {
                return Expanded;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"\\(?:[abcfnrtv$""\\])")]
    private static partial Regex ComposeEscapes();

    [GeneratedRegex(@"^'((?:\\'|[^'])*)'")]
    private static partial Regex PythonSingle();

    [GeneratedRegex(@"^""((?:\\""|[^""])*)""")]
    private static partial Regex PythonDouble();

    [GeneratedRegex(@"\\[\\']")]
    private static partial Regex PythonSingleEscapes();

    [GeneratedRegex(@"\\[\\'""abfnrtv]")]
    private static partial Regex PythonDoubleEscapes();

    [GeneratedRegex(@"\$\{[^}:]*(?::-[^}]*)?\}")]
    private static partial Regex PythonVariable();
}
