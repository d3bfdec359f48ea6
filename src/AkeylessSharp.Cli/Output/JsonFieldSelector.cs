using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Cli.Output;

/// <summary>
/// Picks <c>--json-attribute a.b.0</c> out of a dynamic or rotated secret's fields: a string prints raw, anything
/// else as JSON. Errors name the attribute, never the value.
/// </summary>
internal static class JsonFieldSelector
{
    public static string Select(JsonElement fields, string attribute, string path)
    {
        var current = fields;
        foreach (var part in attribute.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                var available = fields.ValueKind == JsonValueKind.Object ? string.Join(", ", fields.EnumerateObject().Select(static p => p.Name)) : "none";
                throw new AkeylessJsonAttributeException($"the value at {path} has no attribute '{attribute}' (top-level fields: {available}).", path, attribute);
            }
        }

        try
        {
            return current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
        }
        catch (InvalidOperationException)
        {
            // GetString on a string escaping half a UTF-16 pair ("\ud800"): no text to print.
            throw new AkeylessJsonAttributeException($"the attribute '{attribute}' of the value at {path} is not valid Unicode text (an unpaired surrogate escape); print the whole value without --json-attribute.", path, attribute);
        }
    }
}
