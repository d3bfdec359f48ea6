using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// Applies <see cref="SecretRequestOptions.JsonAttribute"/>: a dot path (<c>db.password</c>, <c>hosts.0</c>) into a JSON
/// value. A string holding a JSON object or array is stepped into like that object (as clearskies'
/// <c>get_nested_attribute</c> parses strings it meets), so <c>payload.api_key</c> reaches into a rotator's JSON-encoded
/// payload. A string attribute comes back as its text, anything else as its JSON. Errors never quote the value.
/// </summary>
internal static class JsonAttributeSelector
{
    public static string Select(string value, string attribute, string? path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            throw new AkeylessJsonAttributeException(
                $"The secret at {Errors.Internal.Quote.Of(path)} is not JSON, so the attribute {Errors.Internal.Quote.Of(attribute)} cannot be selected. Read it without JsonAttribute, or store it as JSON.", path, attribute);
        }

        var documents = new List<JsonDocument>(1) { document };
        try
        {
            return JsonText.Read(
                () => Walk(document.RootElement, attribute, path, documents),
                () => new AkeylessJsonAttributeException(
                    $"The JSON secret at {Errors.Internal.Quote.Of(path)} holds text that is not valid Unicode (an unpaired surrogate escape) on the way to {Errors.Internal.Quote.Of(attribute)}. Read it without JsonAttribute, or store valid text.", path, attribute));
        }
        finally
        {
            foreach (var parsed in documents)
            {
                parsed.Dispose();
            }
        }
    }

    /// <summary>Steps along <paramref name="attribute"/>; documents parsed from JSON-encoded strings on the way go to <paramref name="documents"/>.</summary>
    private static string Walk(JsonElement current, string attribute, string? path, List<JsonDocument> documents)
    {
        var walked = string.Empty;
        foreach (var segment in attribute.Split('.'))
        {
            if (TryParseEncoded(current) is { } encoded)
            {
                documents.Add(encoded);
                current = encoded.RootElement;
            }

            if (!TryStep(current, segment, out current))
            {
                throw new AkeylessJsonAttributeException(
                    $"The JSON secret at {Errors.Internal.Quote.Of(path)} has no attribute {Errors.Internal.Quote.Of(attribute)} (missing {Errors.Internal.Quote.Of(segment)}{(walked.Length == 0 ? " at the top level" : $" under {Errors.Internal.Quote.Of(walked)}")}). Check the attribute path.", path, attribute);
            }

            walked = walked.Length == 0 ? segment : walked + "." + segment;
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
    }

    private static JsonDocument? TryParseEncoded(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text || text.AsSpan().TrimStart() is not ['{' or '[', ..])
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryStep(JsonElement current, string segment, out JsonElement next)
    {
        next = default;
        return current.ValueKind switch
        {
            JsonValueKind.Object => current.TryGetProperty(segment, out next),
            JsonValueKind.Array => int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength() && Assign(current[index], out next),
            _ => false,
        };
    }

    private static bool Assign(JsonElement element, out JsonElement next)
    {
        next = element;
        return true;
    }
}
