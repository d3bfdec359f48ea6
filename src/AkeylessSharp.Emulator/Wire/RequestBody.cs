using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Emulator.Wire;

/// <summary>
/// Typed, validating access to a command's JSON body. Reading a field of the wrong type throws a 400
/// naming the field; unknown fields are simply never read, so they are ignored.
/// </summary>
internal sealed class RequestBody
{
    private readonly JsonElement _root;

    public RequestBody(JsonElement root) => _root = root;

    public static RequestBody Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw Errors.BadRequest("malformed request: the body must be a JSON object");
        }

        var root = JsonInput.Parse(utf8, static problem => Errors.BadRequest($"malformed request: {problem}"));
        return root.ValueKind == JsonValueKind.Object
            ? new RequestBody(root)
            : throw Errors.BadRequest("malformed request: the body must be a JSON object");
    }

    public IEnumerable<JsonProperty> Properties => _root.EnumerateObject();

    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Errors.InvalidType(name, "string");
    }

    public string RequiredString(string name)
    {
        var s = String(name);
        return string.IsNullOrEmpty(s) ? throw Errors.MissingParameter(name) : s;
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Errors.InvalidType(name, "array of strings");
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (var e in v.EnumerateArray())
        {
            list.Add(e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Errors.InvalidType(name, "array of strings"));
        }

        return list;
    }

    public long? Int64(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
        {
            return n;
        }

        // Some clients send numbers as strings ("rotation-interval": "30").
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }

        throw Errors.InvalidType(name, "integer");
    }

    public double? Double(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : throw Errors.InvalidType(name, "number");
    }

    public int? Int32(string name)
    {
        var n = Int64(name);
        return n is null ? null : n is >= int.MinValue and <= int.MaxValue ? (int)n : throw Errors.InvalidType(name, "32-bit integer");
    }

    /// <summary>Reads a flag sent either as a JSON boolean or as the strings "true"/"false" (the API uses both).</summary>
    public bool? Bool(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            JsonValueKind.String when string.IsNullOrEmpty(v.GetString()) => null,
            _ => throw Errors.InvalidType(name, "boolean or \"true\"/\"false\""),
        };
    }

    public string Enum(string name, string defaultValue, params string[] allowed)
    {
        var s = String(name);
        if (string.IsNullOrEmpty(s))
        {
            return defaultValue;
        }

        foreach (var a in allowed)
        {
            if (string.Equals(a, s, StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }

        throw Errors.InvalidValue(name, s, allowed);
    }

    /// <summary>Reads an object of string values (e.g. <c>custom-field</c>).</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw Errors.InvalidType(name, "object");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return map;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        if (_root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
