using System.CommandLine;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// The error lines for a command line the parser rejected. After <c>set</c>, <c>create</c> or <c>update</c>, a stray
/// word is most likely the rest of an unquoted secret value (<c>set /app/db my secret</c>), so it is not echoed; nor is
/// the word after a mistyped option, most likely its value. Each error is one line.
/// </summary>
internal static class ParseErrorLines
{
    public const string ValueArgumentName = "value";

    public static IReadOnlyList<string> For(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var stray = command.Arguments.Any(a => a.Name == ValueArgumentName)
            ? parse.UnmatchedTokens.Count(t => !LooksLikeOption(t))
            : 0;
        if (stray > 0)
        {
            return [$"error: {command.Name} takes one value, but {stray} more word{(stray == 1 ? "" : "s")} followed it (not shown: they may be part of the secret). Quote a value that contains spaces, or use --stdin or --file."];
        }

        var hidden = ValuesOfUnknownOptions(parse.UnmatchedTokens);
        return parse.Errors.Select(e => "error: " + OneLine(Hide(e.Message, hidden))).ToArray();
    }

    /// <summary>An error the parser spreads over lines ("Must be one of:" and a tabbed line per choice) as one line.</summary>
    private static string OneLine(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim() : lines[0] + " " + string.Join(", ", lines[1..]) + ".";
    }

    /// <summary>
    /// The words that are most likely the value of a mistyped option (<c>--acess-key KEY</c>, <c>--acess-key=KEY</c>, <c>--acess-key:KEY</c>),
    /// which may be a credential, each with what the error says instead.
    /// </summary>
    private static List<(string Token, string Shown)> ValuesOfUnknownOptions(IReadOnlyList<string> unmatched)
    {
        var hidden = new List<(string, string)>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith('-'))
            {
                continue;
            }

            var name = OptionName(token);
            if (name.Length < token.Length)
            {
                hidden.Add(($"'{token}'", $"'{name}' (its value not shown: it may be a secret)"));
            }
            else if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
            {
                hidden.Add(($"'{unmatched[i + 1]}'", $"after {token} (not shown: it may be a secret)"));
            }
        }

        return hidden;
    }

    /// <summary>
    /// The name of an option-like word without the value glued to it: the parser takes both <c>--opt=VALUE</c> and
    /// <c>--opt:VALUE</c>, so <c>--acess-key:KEY</c> is <c>--acess-key</c> and the rest, perhaps a credential, is not shown.
    /// </summary>
    public static string OptionName(string word) => word.IndexOfAny(['=', ':']) is > 0 and var at ? word[..at] : word;

    private static string Hide(string message, List<(string Token, string Shown)> hidden) =>
        hidden.Aggregate(message, static (text, h) => text.Replace(h.Token, h.Shown, StringComparison.Ordinal));

    // A mistyped option name (--descripton) is safe to echo and is the useful part of its error.
    private static bool LooksLikeOption(string token) =>
        token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal) && token.Skip(2).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
