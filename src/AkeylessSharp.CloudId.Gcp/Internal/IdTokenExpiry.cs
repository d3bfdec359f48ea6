using System.Buffers.Text;
using System.Text.Json;

namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>
/// Reads the <c>exp</c> claim (seconds since 1970) of an ID token's payload, without checking its signature: Akeyless
/// checks that; this only keeps a token that has already expired from being sent.
/// </summary>
internal static class IdTokenExpiry
{
    /// <summary>When the token expires; <see langword="null"/> when it has no readable <c>exp</c> claim.</summary>
    public static DateTimeOffset? Read(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Base64Url.DecodeFromChars(parts[1]));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExpiry = reader.ValueTextEquals("exp"u8);
                reader.Read();
                if (isExpiry)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentOutOfRangeException)
        {
            // Not JSON, or an exp no date can hold: no readable expiry.
            return null;
        }
    }
}
