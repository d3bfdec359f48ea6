using System.Globalization;

namespace AkeylessSharp.Emulator.Wire;

/// <summary>Formats dates the way the API documents them (RFC 3339, UTC, <c>Z</c> suffix).</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is null ? null : Format(value.Value);
}
