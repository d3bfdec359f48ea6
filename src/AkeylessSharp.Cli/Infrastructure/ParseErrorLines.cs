using System.CommandLine;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// The error lines for a command line the parser rejected. After <c>set</c>, <c>create</c> or <c>update</c>, a stray
/// word is most likely the rest of an unquoted secret value (<c>set /app/db my secret</c>), so it is not echoed.
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

        return parse.Errors.Select(e => "error: " + e.Message).ToArray();
    }

    // A mistyped option name (--descripton) is safe to echo and is the useful part of its error.
    private static bool LooksLikeOption(string token) =>
        token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal) && token.Skip(2).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
