using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AkeylessSharp.Cli.Output;

/// <summary>The JSON the tool prints: source-generated, camelCase, indented, nulls omitted.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ItemView))]
[JsonSerializable(typeof(List<ItemView>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    // Values are printed for people and tools, not embedded in HTML: keep '+', '<', accents and so on readable.
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = s_encoder,
    });

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo) =>
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));

    /// <summary>Writes a JSON element (a dynamic or rotated secret's fields) indented, with the same encoder.</summary>
    public static void Write(TextWriter writer, JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = s_encoder }))
        {
            element.WriteTo(json);
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
