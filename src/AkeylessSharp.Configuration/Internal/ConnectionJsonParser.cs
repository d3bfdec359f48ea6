using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Parses the JSON forms of an Airflow connection: the fields of <c>Connection</c>, or <c>conn_uri</c> alone
/// (Airflow refuses a URI together with individual fields, and so do we).
/// </summary>
internal static class ConnectionJsonParser
{
    private static readonly string[] s_fieldNames = ["conn_type", "host", "login", "password", "schema", "port", "extra"];

    public static AkeylessConnection Parse(string json, string? id)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AkeylessConnectionFormatException(id, $"it starts with '{{' but is not valid JSON ({JsonErrors.Position(ex)})");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AkeylessConnectionFormatException(id, "the JSON value is not an object");
            }

            if (root.TryGetProperty("conn_uri", out var uri))
            {
                return FromUri(root, uri, id);
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

    private static AkeylessConnection FromUri(JsonElement root, JsonElement uri, string? id)
    {
        foreach (var name in s_fieldNames)
        {
            if (root.TryGetProperty(name, out var field) && field.ValueKind != JsonValueKind.Null)
            {
                throw new AkeylessConnectionFormatException(id, $"conn_uri cannot be combined with individual fields such as '{name}'");
            }
        }

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
