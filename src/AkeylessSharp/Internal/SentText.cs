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
        // Paths are ASCII as a rule: one vectorized check, with no generic or static state that could allocate on a cache
        // hit (ContainsAnyInRange's generic code allocates until the JIT optimizes it), then pair by pair.
        if (System.Text.Ascii.IsValid(text))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && (!char.IsHighSurrogate(text[i]) || ++i >= text.Length || !char.IsLowSurrogate(text[i])))
            {
                return false;
            }
        }

        return true;
    }
}
