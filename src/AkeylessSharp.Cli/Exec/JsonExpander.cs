using System.Text;
using System.Text.Json;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// <c>--json-expand</c>: a value that is a JSON object also gives one variable per field, nested fields joined by '_'
/// (<c>{"db":{"port":5432}}</c> under <c>APP</c> gives <c>APP_DB_PORT=5432</c>). Strings are set raw, null as empty,
/// numbers, booleans and arrays as their JSON text. Anything that is not a JSON object is left alone, but an object nested
/// deeper than <see cref="MaxDepth"/> is an error rather than a value silently not expanded.
/// </summary>
internal static class JsonExpander
{
    /// <summary>The deepest nesting expanded (objects and arrays), System.Text.Json's default.</summary>
    public const int MaxDepth = 64;

    /// <exception cref="CliUsageException">The value is a JSON object nested deeper than <see cref="MaxDepth"/>; the message names <paramref name="path"/>, never the value.</exception>
    public static IEnumerable<(string Name, string Field, string Value)> Expand(string name, string path, string value)
    {
        if (!value.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var fields = new List<(string, string, string)>();
            Flatten(document.RootElement, name, string.Empty, path, fields);
            return fields;
        }
        catch (JsonException) when (IsJsonAtAnyDepth(value))
        {
            throw new CliUsageException(
                $"the JSON object of {path} is nested deeper than {MaxDepth} levels, so --json-expand cannot set its fields; "
                + "flatten it, or leave out --json-expand (the variable of the secret itself keeps the whole JSON).");
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Whether the text is valid JSON once the depth limit is lifted, so the limit alone refused it.</summary>
    private static bool IsJsonAtAnyDepth(string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value), new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Flatten(JsonElement element, string name, string field, string path, List<(string, string, string)> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var childName = name + "_" + Sanitize(property.Name);
            var childField = field.Length == 0 ? property.Name : field + "." + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, childName, childField, path, fields);
                    break;
                case JsonValueKind.String:
                    fields.Add((childName, childField, Text(property.Value, childField, path)));
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

    /// <exception cref="CliUsageException">The string escapes half of a UTF-16 pair (<c>\ud800</c>), text no environment variable can hold; the message names the field, never the value.</exception>
    private static string Text(JsonElement value, string field, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new CliUsageException(
                $"field {field} of {path} (--json-expand) is a JSON string with half of a UTF-16 pair (an unpaired \\uD800-\\uDFFF escape), which no environment variable can hold; fix that field, or leave out --json-expand.");
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
