using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Turns JSON into configuration keys the way the JSON file provider does: objects nest with <c>:</c>, arrays use
/// their indexes (<c>Db:Hosts:0</c>), an empty object becomes a <see langword="null"/> value at its key and an empty
/// array an empty string.
/// </summary>
internal static class JsonFlattener
{
    /// <summary>Parses <paramref name="value"/> when it is a JSON object or array; anything else (including broken JSON) is not flattened.</summary>
    public static bool TryParseContainer(string value, out JsonDocument? document)
    {
        document = null;
        var trimmed = value.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '['))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            // A text secret that merely starts with a brace stays text.
            return false;
        }
    }

    public static void Flatten(JsonElement element, string? prefix, Action<string, string?> set)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var anyProperty = false;
                foreach (var property in element.EnumerateObject())
                {
                    anyProperty = true;
                    Flatten(property.Value, Combine(prefix, property.Name), set);
                }

                SetEmpty(anyProperty, prefix, null, set);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, Combine(prefix, index.ToString(CultureInfo.InvariantCulture)), set);
                    index++;
                }

                SetEmpty(index > 0, prefix, string.Empty, set);
                break;
            case JsonValueKind.Null:
                set(prefix ?? "", null);
                break;
            default:
                set(prefix ?? "", ScalarText(element));
                break;
        }
    }

    /// <summary>The configuration text of a scalar: strings unescaped, numbers as written, booleans as <c>True</c>/<c>False</c> like the JSON provider.</summary>
    public static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Number => element.GetRawText(),
        _ => element.ToString(),
    };

    private static void SetEmpty(bool any, string? prefix, string? empty, Action<string, string?> set)
    {
        if (!any && prefix is not null)
        {
            set(prefix, empty);
        }
    }

    private static string Combine(string? prefix, string name) =>
        prefix is null ? name : ConfigurationPath.Combine(prefix, name);
}
