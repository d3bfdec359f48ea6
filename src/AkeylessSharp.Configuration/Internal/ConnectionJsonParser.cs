using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Parses the JSON forms of an Airflow connection as the Airflow backend's <c>get_connection</c> does: a non-empty
/// <c>conn_uri</c> wins and every other field is dropped; an empty or null <c>conn_uri</c> is ignored and the fields
/// are used; a JSON string literal is a URI.
/// </summary>
internal static class ConnectionJsonParser
{
    public static AkeylessConnection Parse(string json, string? id)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AkeylessConnectionFormatException(id, $"it looks like JSON but is not valid JSON ({JsonErrors.Position(ex)})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                return FromUri(root, id);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AkeylessConnectionFormatException(id, "the JSON value is neither an object nor a string holding a URI");
            }

            if (root.TryGetProperty("conn_uri", out var uri) && !IsEmpty(uri))
            {
                return FromUri(uri, id);
            }

            var (extra, extraText) = ReadExtra(root, id);
            var connType = ReadString(root, "conn_type", id);
            return new AkeylessConnection
            {
                ConnType = connType is null ? null : ConnectionParser.NormalizeConnType(connType),
                Host = ReadString(root, "host", id),
                Login = ReadString(root, "login", id),
                Password = ReadString(root, "password", id),
                Schema = ReadString(root, "schema", id),
                Port = ReadPort(root, id),
                Extra = extra,
                ExtraText = extraText,
            };
        }
    }

    // Airflow tests conn_uri for truthiness: null, "", false and 0 fall through to the fields.
    private static bool IsEmpty(JsonElement uri) => uri.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.String => uri.GetString()!.Length == 0,
        JsonValueKind.Number => uri.TryGetDouble(out var number) && number == 0,
        _ => false,
    };

    private static AkeylessConnection FromUri(JsonElement uri, string? id)
    {
        if (uri.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(uri.GetString()))
        {
            throw new AkeylessConnectionFormatException(id, "conn_uri must be a non-empty string");
        }

        return ConnectionUriParser.Parse(uri.GetString()!.Trim(), id);
    }

    private static string? ReadString(JsonElement root, string name, string? id)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            _ => throw new AkeylessConnectionFormatException(id, $"'{name}' must be a string, not {Describe(value.ValueKind)}"),
        };
    }

    private static int? ReadPort(JsonElement root, string? id)
    {
        if (!root.TryGetProperty("port", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number is >= 0 and <= 65535)
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed <= 65535)
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()?.Length == 0)
        {
            return null;
        }

        throw new AkeylessConnectionFormatException(id, "'port' must be an integer between 0 and 65535");
    }

    private static (IReadOnlyDictionary<string, string?>, string?) ReadExtra(JsonElement root, string? id)
    {
        if (!root.TryGetProperty("extra", out var extra))
        {
            return (AkeylessConnection.EmptyExtra, null);
        }

        return extra.ValueKind switch
        {
            JsonValueKind.Null => (AkeylessConnection.EmptyExtra, null),
            JsonValueKind.Object => (ExtraParser.FromElement(extra), null),
            JsonValueKind.String => ExtraParser.FromText(extra.GetString()!, id),
            _ => throw new AkeylessConnectionFormatException(id, $"'extra' must be an object or a string holding one, not {Describe(extra.ValueKind)}"),
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
