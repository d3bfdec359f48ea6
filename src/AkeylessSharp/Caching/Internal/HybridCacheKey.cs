using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// The <see cref="Microsoft.Extensions.Caching.Hybrid.HybridCache"/> key of a prefixed cache key. HybridCache neither
/// stores nor reads a key holding a control character (every variant key holds <see cref="SecretCacheKey.Separator"/>),
/// an unpaired surrogate, or more than its <c>MaximumKeyLength</c> (1024 by default) characters; such keys are escaped
/// or hashed instead. The mapping is injective, and an entry stays authenticated against its unmapped key in any case.
/// </summary>
internal static class HybridCacheKey
{
    /// <summary>The default <c>HybridCacheOptions.MaximumKeyLength</c>; longer keys are hashed.</summary>
    public const int MaximumLength = 1024;

    public static string Of(string prefix, string key)
    {
        string full = string.Concat(prefix, key);
        if (!NeedsEscape(full))
        {
            return full.Length <= MaximumLength ? full : Hashed(prefix, key);
        }

        string escaped = Escape(full);
        return escaped.Length <= MaximumLength ? escaped : Hashed(prefix, key);
    }

    // '%' is escaped too, so an escape ("%" and 4 hex digits) or a hash ("%h") never reads as a key's own text.
    private static bool NeedsEscape(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (MustEscape(text, i))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            if (MustEscape(text, i))
            {
                sb.Append('%').Append(((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private static bool MustEscape(string text, int i)
    {
        char c = text[i];
        return char.IsControl(c) || c == '%'
            || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])));
    }

    private static string Hashed(string prefix, string key)
    {
        string escapedPrefix = NeedsEscape(prefix) ? Escape(prefix) : prefix;
        byte[] hash = SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan()));
        return string.Concat(escapedPrefix, "%h", Convert.ToHexStringLower(hash));
    }
}
