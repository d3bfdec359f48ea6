using System.Text.RegularExpressions;

namespace AkeylessSharp.Tests.Shared;

/// <summary>Reads the tables of the READMEs that tests hold the code to.</summary>
internal static partial class MarkdownTable
{
    /// <summary>
    /// The body rows of the first table in <paramref name="text"/> (its header and separator skipped), each split into
    /// trimmed cells; an escaped <c>\|</c> stays inside its cell as <c>|</c>.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(string text) =>
        text.ReplaceLineEndings("\n").Split('\n')
            .Select(static line => line.Trim())
            .SkipWhile(static line => !line.StartsWith('|'))
            .TakeWhile(static line => line.StartsWith('|'))
            .Skip(2)
            .Select(static line => CellSeparator().Split(line.Trim('|')).Select(static cell => cell.Replace("\\|", "|", StringComparison.Ordinal).Trim()).ToArray())
            .ToList();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();
}
