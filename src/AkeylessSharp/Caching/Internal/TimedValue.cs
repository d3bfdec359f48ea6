using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// What a distributed entry holds before encryption: the value with the instants it stops being fresh and being
/// servable stale, as Unix milliseconds, so every instance judges expiry alike whatever the backend's own expiry does.
/// </summary>
internal static class TimedValue
{
    private const char Separator = '\u001f';

    public static string Encode(DateTimeOffset freshUntil, DateTimeOffset staleUntil, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{freshUntil.ToUnixTimeMilliseconds()}{Separator}{staleUntil.ToUnixTimeMilliseconds()}{Separator}{value}");

    public static bool TryDecode(string stored, out DateTimeOffset freshUntil, out DateTimeOffset staleUntil, [NotNullWhen(true)] out string? value)
    {
        freshUntil = staleUntil = default;
        value = null;
        var span = stored.AsSpan();
        int first = span.IndexOf(Separator);
        if (first <= 0 || !long.TryParse(span[..first], NumberStyles.Integer, CultureInfo.InvariantCulture, out long fresh))
        {
            return false;
        }

        var rest = span[(first + 1)..];
        int second = rest.IndexOf(Separator);
        if (second <= 0 || !long.TryParse(rest[..second], NumberStyles.Integer, CultureInfo.InvariantCulture, out long stale)
            || !TryFromUnix(fresh, out freshUntil) || !TryFromUnix(stale, out staleUntil))
        {
            return false;
        }

        value = rest[(second + 1)..].ToString();
        return true;
    }

    private static bool TryFromUnix(long milliseconds, out DateTimeOffset instant)
    {
        bool valid = milliseconds is >= 0 and <= 253402300799999;
        instant = valid ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : default;
        return valid;
    }
}
