using System.Text.Json;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>Static secret formats: <c>text</c> (anything), <c>json</c> (valid JSON), <c>key-value</c> (JSON object of strings).</summary>
internal static class SecretFormats
{
    public static readonly string[] All = ["text", "json", "key-value"];

    public static void Validate(string format, string value, string what)
    {
        switch (format)
        {
            case "text":
                return;
            case "json":
                if (!TryParse(value, out _))
                {
                    throw Errors.BadRequest($"invalid value for {what}: format json requires valid JSON text");
                }

                return;
            case "key-value":
                if (!TryParse(value, out var root) || root.ValueKind != JsonValueKind.Object
                    || root.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
                {
                    throw Errors.BadRequest($"invalid value for {what}: format key-value requires a JSON object of string values");
                }

                if (!IsText(root))
                {
                    throw Errors.BadRequest($"invalid value for {what}: format key-value requires keys and values that are text (a lone surrogate escape such as \\ud800 is not)");
                }

                // Readers disagree on which of two values wins (first or last), so a repeated key would read differently by client.
                if (Repeated(root) is { } key)
                {
                    throw Errors.BadRequest($"invalid value for {what}: format key-value holds the key '{Shown(key)}' more than once; give each key once");
                }

                return;
            default:
                throw Errors.InvalidValue("format", format, All);
        }
    }

    private static string? Repeated(JsonElement obj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return obj.EnumerateObject().Select(static p => p.Name).FirstOrDefault(name => !seen.Add(name));
    }

    private static bool IsText(JsonElement obj)
    {
        try
        {
            return obj.EnumerateObject().All(static p => p.Name is not null && p.Value.GetString() is not null);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Shown(string key) => key.Length <= 100 ? key : key[..100] + "...";

    private static bool TryParse(string value, out JsonElement root)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            root = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }
}
