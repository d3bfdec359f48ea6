using System.Globalization;
using System.Text.Json;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>Turns the free-form answers of dynamic and rotated secret reads into typed results.</summary>
internal static class SecretParsers
{
    private static readonly string[] s_userKeys = ["username", "user", "User", "Username", "user_name"];
    private static readonly string[] s_passwordKeys = ["password", "Password", "pass"];
    private const double MaxTtlSeconds = 100 * 365.25 * 24 * 3600;

    /// <param name="fields">The answer, or the fields of a parsed answer when <paramref name="unwrapped"/> is set.</param>
    /// <param name="path">The item path, for errors.</param>
    /// <param name="now">When the lease started.</param>
    /// <param name="unwrapped">Whether a Gateway wrapper was already removed: unwrapping twice would replace the producer's
    /// own object with its <c>value</c> field.</param>
    /// <param name="sent">The request, whose arguments and token are scrubbed from a producer's error.</param>
    public static DynamicSecret ParseDynamic(JsonElement fields, string path, DateTimeOffset now, bool unwrapped = false, GetDynamicSecretValueRequest? sent = null) =>
        JsonText.Read(() => ParseDynamicFields(fields, path, now, unwrapped, sent), () => NotUnicode(CommandCatalog.GetDynamicSecretValue, path));

    /// <param name="response">The answer.</param>
    /// <param name="path">The item path, for errors.</param>
    public static RotatedSecret ParseRotated(GetRotatedSecretValueResponse response, string? path = null) =>
        JsonText.Read(() => ParseRotatedValue(response, path), () => NotUnicode(CommandCatalog.GetRotatedSecretValue, path));

    private static AkeylessProtocolException NotUnicode(string command, string? path) =>
        ExceptionFactory.InvalidResponse(command, path, "text that is not valid Unicode (an unpaired surrogate escape)");

    private static DynamicSecret ParseDynamicFields(JsonElement fields, string path, DateTimeOffset now, bool unwrapped, GetDynamicSecretValueRequest? sent)
    {
        fields = unwrapped ? fields : UnwrapGatewayValue(fields, path, sent);
        var ttl = ReadTtl(fields, path);
        return new DynamicSecret
        {
            Username = ReadString(fields, s_userKeys),
            Password = ReadString(fields, s_passwordKeys),
            LeaseId = ReadString(fields, ["id", "lease_id"]),
            Ttl = ttl,
            ExpiresAt = ttl is { } t ? now + t : null,
            Fields = fields,
        };
    }

    private static RotatedSecret ParseRotatedValue(GetRotatedSecretValueResponse response, string? path)
    {
        var value = response.Value;
        string? payload = null;
        if (value.ValueKind == JsonValueKind.Object)
        {
            payload = ReadString(value, ["payload", "value"])
                ?? (value.TryGetProperty("target_value", out var target) ? (target.ValueKind == JsonValueKind.String ? target.GetString() : target.GetRawText()) : null);
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            payload = value.GetString();
        }

        return new RotatedSecret
        {
            Username = ReadString(value, s_userKeys),
            Password = ReadString(value, s_passwordKeys),
            Value = payload,
            Version = response.Version ?? ReadInt(value, "version", CommandCatalog.GetRotatedSecretValue, path),
            Fields = value,
        };
    }

    // Some Gateways wrap the producer output as {"value":"<json text>","error":""}.
    private static JsonElement UnwrapGatewayValue(JsonElement fields, string path, GetDynamicSecretValueRequest? sent)
    {
        if (fields.ValueKind != JsonValueKind.Object || !fields.TryGetProperty("value", out var wrapped) || wrapped.ValueKind != JsonValueKind.String)
        {
            return fields;
        }

        if (ReadString(fields, ["error"]) is { Length: > 0 } error)
        {
            throw ExceptionFactory.ProducerFailed(path, error, sent is null ? default : JsonSerializer.SerializeToUtf8Bytes(sent, AkeylessJsonContext.Default.GetDynamicSecretValueRequest));
        }

        try
        {
            // The wrapper holds the producer's object; a "value" field whose text is a JSON number, boolean or string
            // ("123456") is the producer's own field, and replacing the whole answer with it would drop the lease and ttl.
            var unwrapped = JsonSerializer.Deserialize(wrapped.GetString()!, AkeylessJsonContext.Default.JsonElement);
            return unwrapped.ValueKind == JsonValueKind.Object ? unwrapped : fields;
        }
        catch (JsonException)
        {
            return fields;
        }
    }

    private static TimeSpan? ReadTtl(JsonElement fields, string path)
    {
        if (ReadDouble(fields, "ttl_in_minutes") is { } minutes)
        {
            return ToTimeSpan(minutes * 60, "ttl_in_minutes", path);
        }

        return ReadDouble(fields, "ttl") is { } seconds ? ToTimeSpan(seconds, "ttl", path) : null;
    }

    // A lease longer than a century is as good as a corrupt value: refuse both rather than overflow.
    private static TimeSpan ToTimeSpan(double seconds, string field, string path) =>
        double.IsFinite(seconds) && seconds is >= 0 and <= MaxTtlSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw ExceptionFactory.InvalidResponse(CommandCatalog.GetDynamicSecretValue, path, $"'{field}' is not a lease duration between 0 and 100 years");

    private static string? ReadString(JsonElement element, ReadOnlySpan<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in keys)
        {
            if (element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static double? ReadDouble(JsonElement element, string key) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;

    private static int? ReadInt(JsonElement element, string key, string command, string? path) => ReadDouble(element, key) switch
    {
        null => null,
        { } d when double.IsInteger(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => throw ExceptionFactory.InvalidResponse(command, path, $"'{key}' is not a whole number in range"),
    };
}
