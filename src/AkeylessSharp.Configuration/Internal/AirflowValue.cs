using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>The Airflow backend's rule for variables and config: a JSON object with a <c>value</c> field resolves to that field.</summary>
internal static class AirflowValue
{
    public static string? Unwrap(string raw)
    {
        var trimmed = raw.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return raw;
        }

        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("value", out var value))
            {
                return value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? value.GetRawText() : JsonFlattener.ScalarText(value);
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the raw text is the value.
        }

        return raw;
    }
}
