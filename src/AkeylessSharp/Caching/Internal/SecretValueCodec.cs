using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// How dynamic and rotated secrets are kept in an <see cref="ISecretCache"/>, which holds strings: as JSON text that
/// keeps what a hit must give back unchanged (a dynamic lease's original expiry, a rotated secret's version).
/// </summary>
internal static class SecretValueCodec
{
    public static string EncodeDynamic(DynamicSecret secret)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (secret.Ttl is { } ttl)
            {
                writer.WriteNumber("ttl_ticks", ttl.Ticks);
            }

            if (secret.ExpiresAt is { } expiresAt)
            {
                writer.WriteString("expires_at", expiresAt.ToString("O", CultureInfo.InvariantCulture));
            }

            writer.WritePropertyName("fields");
            secret.Fields.WriteTo(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Decodes a cached dynamic secret, or returns <see langword="false"/> when the entry is not in the form
    /// <see cref="EncodeDynamic"/> writes: a shared cache may hold entries another version of this library wrote, or corrupt ones.
    /// </summary>
    public static bool TryDecodeDynamic(string encoded, string path, DateTimeOffset now, [NotNullWhen(true)] out DynamicSecret? secret) =>
        TryDecode(() => DecodeDynamic(encoded, path, now), out secret);

    /// <summary>Decodes a cached rotated secret, or returns <see langword="false"/> as <see cref="TryDecodeDynamic"/> does.</summary>
    public static bool TryDecodeRotated(string encoded, [NotNullWhen(true)] out RotatedSecret? secret) =>
        TryDecode(() => DecodeRotated(encoded), out secret);

    private static bool TryDecode<TSecret>(Func<TSecret> decode, [NotNullWhen(true)] out TSecret? secret)
        where TSecret : class
    {
        try
        {
            secret = decode();
            return true;
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            secret = null;
            return false;
        }
    }

    private static DynamicSecret DecodeDynamic(string encoded, string path, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(encoded);
        var root = document.RootElement;
        var parsed = SecretParsers.ParseDynamic(root.GetProperty("fields").Clone(), path, now, unwrapped: true);
        return new DynamicSecret
        {
            Username = parsed.Username,
            Password = parsed.Password,
            LeaseId = parsed.LeaseId,
            Ttl = root.TryGetProperty("ttl_ticks", out var ticks) ? TimeSpan.FromTicks(ticks.GetInt64()) : null,
            ExpiresAt = root.TryGetProperty("expires_at", out var expires) ? DateTimeOffset.Parse(expires.GetString()!, CultureInfo.InvariantCulture) : null,
            Fields = parsed.Fields,
        };
    }

    public static string EncodeRotated(GetRotatedSecretValueResponse response) =>
        JsonSerializer.Serialize(response, AkeylessJsonContext.Default.GetRotatedSecretValueResponse);

    private static RotatedSecret DecodeRotated(string encoded) =>
        JsonSerializer.Deserialize(encoded, AkeylessJsonContext.Default.GetRotatedSecretValueResponse) is { Value.ValueKind: not JsonValueKind.Undefined } response
            ? SecretParsers.ParseRotated(response)
            : throw new JsonException("Not an entry EncodeRotated wrote: it has no value.");

    // What reading JSON of an unexpected shape throws (JsonElement accessors, parsing of dates and numbers), and the
    // parsers' own refusal of a field out of range (AkeylessException): an entry, unlike an answer, is just a miss.
    private static bool IsUnreadable(Exception exception) =>
        exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or AkeylessException;
}
