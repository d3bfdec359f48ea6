using System.Runtime.CompilerServices;

namespace AkeylessSharp.Internal;

/// <summary>
/// Checks text a caller hands the client. A string holding an unpaired surrogate (half of a UTF-16 pair) is not text:
/// JSON serialization writes it as U+FFFD, so the service would be sent other text than the caller gave (another
/// item's path, a changed secret value stored without a word), and a JSON lookup by it fails from deep inside.
/// </summary>
internal static class SentText
{
    /// <summary>An item path: not blank, and text.</summary>
    public static void ThrowIfInvalidPath(string path, [CallerArgumentExpression(nameof(path))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, paramName);
        ThrowIfNotText(path, "The path", paramName);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="text"/> is not text; the message never quotes it.</summary>
    public static void ThrowIfNotText(string? text, string what, string? paramName)
    {
        if (text is not null && !IsText(text))
        {
            throw new ArgumentException(
                $"{what} holds an unpaired surrogate (half of a UTF-16 pair), which is not text: JSON cannot carry it (it would become U+FFFD, other text than given). Pass valid Unicode text.", paramName);
        }
    }

    public static bool IsText(ReadOnlySpan<char> text)
    {
        int i;
        while ((i = text.IndexOfAnyInRange('\uD800', '\uDFFF')) >= 0)
        {
            if (!char.IsHighSurrogate(text[i]) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }

            text = text[(i + 2)..];
        }

        return true;
    }
}
