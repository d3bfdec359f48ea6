using System.Globalization;
using System.Text;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Text that whoever may write items chooses (names, descriptions, Akeyless's own messages), made safe to print: a
/// control character, which could start a terminal escape sequence, is shown as <c>\xHH</c>.
/// </summary>
internal static class TerminalText
{
    /// <param name="text">The text to print.</param>
    /// <param name="keepLineFeeds">Whether a line feed stays one (a table cell may span lines).</param>
    public static string Escape(string text, bool keepLineFeeds = false)
    {
        int first = 0;
        while (first < text.Length && !MustEscape(text[first], keepLineFeeds))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = MustEscape(c, keepLineFeeds) ? builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool MustEscape(char c, bool keepLineFeeds) => char.IsControl(c) && !(keepLineFeeds && c == '\n');
}
