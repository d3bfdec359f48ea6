using System.Globalization;

namespace AkeylessSharp.Errors.Internal;

/// <summary>
/// Quotes a caller's text (a path, an item or file name) in a message: whole when short, else its first
/// <see cref="MaxLength"/> characters, an ellipsis and the total length, so a 1 MB path cannot make a 1 MB message.
/// </summary>
internal static class Quote
{
    public const int MaxLength = 200;

    /// <summary><c>'text'</c>, or <c>'first 200 characters…' (N characters)</c>.</summary>
    public static string Of(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        if (text.Length <= MaxLength)
        {
            return $"'{text}'";
        }

        // Never cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Create(CultureInfo.InvariantCulture, $"'{text.AsSpan(0, cut)}…' ({text.Length} characters)");
    }
}
