using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>
/// The answer of <c>get-secret-value</c>: name → value, each read straight into its text. A string value is its text;
/// any other value (some Gateways return objects for JSON and password secrets) is its JSON text.
/// </summary>
[JsonConverter(typeof(SecretValueMapConverter))]
internal sealed class SecretValueMap() : Dictionary<string, string>(StringComparer.Ordinal);

/// <summary>Reads a <see cref="SecretValueMap"/> without a <see cref="JsonDocument"/> per value (only non-string values need one).</summary>
internal sealed class SecretValueMapConverter : JsonConverter<SecretValueMap>
{
    public override SecretValueMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of secret names and values.");
        }

        var values = new SecretValueMap();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : RawText(ref reader);
        }

        return reader.TokenType == JsonTokenType.EndObject ? values : throw new JsonException("Expected the end of the object of secret values.");
    }

    public override void Write(Utf8JsonWriter writer, SecretValueMap value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Secret values are only read.");

    private static string RawText(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }
}
