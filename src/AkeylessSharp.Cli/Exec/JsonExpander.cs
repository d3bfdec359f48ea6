using System.Text;
using System.Text.Json;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// <c>--json-expand</c>: a value that is a JSON object also gives one variable per field, nested fields joined by '_'
/// (<c>{"db":{"port":5432}}</c> under <c>APP</c> gives <c>APP_DB_PORT=5432</c>). Strings are set raw, null as empty,
/// numbers, booleans and arrays as their JSON text. Anything that is not a JSON object is left alone.
/// </summary>
internal static class JsonExpander
{
    public static IEnumerable<(string Name, string Field, string Value)> Expand(string name, string value)
    {
        if (!value.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            var fields = new List<(string, string, string)>();
            Flatten(document.RootElement, name, string.Empty, fields);
            return fields;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Flatten(JsonElement element, string name, string field, List<(string, string, string)> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var childName = name + "_" + Sanitize(property.Name);
            var childField = field.Length == 0 ? property.Name : field + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, childName, childField, fields);
                    break;
                case JsonValueKind.String:
                    fields.Add((childName, childField, property.Value.GetString()!));
                    break;
                case JsonValueKind.Null:
                    fields.Add((childName, childField, string.Empty));
                    break;
                default:
                    fields.Add((childName, childField, property.Value.GetRawText()));
                    break;
            }
        }
    }

    private static string Sanitize(string field)
    {
        var builder = new StringBuilder(field.Length);
        foreach (var c in field)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
