using System.Globalization;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// Reads a token's expiry from an auth answer as clearskies does: <c>creds.expiry</c> (Unix seconds) whenever it is
/// present, even 0 (the epoch: the token counts as expired, so the next call authenticates again); else the top-level
/// <c>expiry</c> (Unix seconds, read the same way; clearskies reads it from a <c>static-creds-auth</c> answer); else
/// <c>expiration</c> (RFC 3339 or Go's <c>2025-12-09 21:35:00 +0000 UTC</c>); else now + <see cref="AkeylessClientOptions.AuthTokenTtl"/>.
/// </summary>
internal static class TokenExpiry
{
    private const long MinUnixSeconds = -62135596800;
    private const long MaxUnixSeconds = 253402300799;

    public static DateTimeOffset From(AuthResponse response, DateTimeOffset now, TimeSpan fallbackTtl)
    {
        if ((response.Creds?.Expiry ?? response.Expiry) is { } seconds)
        {
            return DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, MinUnixSeconds, MaxUnixSeconds));
        }

        return TryParse(response.Expiration, out var expiration) ? expiration : now + fallbackTtl;
    }

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        // Go's time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST", sometimes with " m=+0.01".
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[2].Length != 5 || parts[2][0] is not ('+' or '-'))
        {
            return false;
        }

        var offset = string.Concat(parts[2].AsSpan(0, 3), ":", parts[2].AsSpan(3));
        return DateTimeOffset.TryParse($"{parts[0]}T{parts[1]}{offset}", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
