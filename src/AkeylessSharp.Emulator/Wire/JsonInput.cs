using System.Text;
using System.Text.Json;

namespace AkeylessSharp.Emulator.Wire;

/// <summary>
/// Parses JSON a client sent (request bodies, tokens, claims) so that every defect is a <see cref="CommandException"/>:
/// malformed or trailing data, nesting deeper than <see cref="MaxDepth"/>, invalid UTF-8 and lone surrogate escapes.
/// </summary>
internal static class JsonInput
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses <paramref name="utf8"/>; <paramref name="fail"/> turns a description of the defect into the error to throw.</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8, Func<string, CommandException> fail)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(utf8, Options);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw fail($"invalid JSON ({FirstSentence(e.Message)})");
        }
        catch (ArgumentException e)
        {
            throw fail($"invalid JSON ({FirstSentence(e.Message)})");
        }

        var invalid = FindInvalidText(root, "");
        return invalid is null ? root : throw fail($"{(invalid.Length == 0 ? "a string" : "field " + invalid)} is not valid UTF-8 text");
    }

    public static JsonElement Parse(string text, Func<string, CommandException> fail)
    {
        byte[] utf8;
        try
        {
            utf8 = new UTF8Encoding(false, true).GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            throw fail("the text is not valid UTF-16 (lone surrogate)");
        }

        return Parse(utf8, fail);
    }

    /// <summary>Returns the path of the first property name or string that does not decode, or <see langword="null"/>.</summary>
    private static string? FindInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element) ? null : path;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidText(item, $"{path}[{i++}]") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path.Length == 0 ? "(a property name)" : path + ".(a property name)";
                    }

                    if (FindInvalidText(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end].TrimEnd('.', ' ') : message.TrimEnd('.', ' ');
    }
}
