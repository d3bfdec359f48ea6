using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>Reads a connection's extras, given as a JSON object or as text that may hold one.</summary>
internal static class ExtraParser
{
    public static (IReadOnlyDictionary<string, string?> Extra, string? ExtraText) FromText(string text, string? id)
    {
        if (text.AsSpan().TrimStart().StartsWith("{"))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return (FromElement(doc.RootElement), null);
            }
            catch (JsonException ex)
            {
                throw new AkeylessConnectionFormatException(id, $"extra is not valid JSON ({JsonErrors.Position(ex)})");
            }
        }

        // Airflow keeps a non-JSON extra as text too; it only fails later when parsed as a dictionary.
        return (AkeylessConnection.EmptyExtra, text.Length == 0 ? null : text);
    }

    public static IReadOnlyDictionary<string, string?> FromElement(JsonElement element)
    {
        var extra = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        JsonFlattener.Flatten(element, prefix: null, (key, value) => extra[key] = value);
        return extra;
    }
}
