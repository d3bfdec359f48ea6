using System.Text.Json.Serialization;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>Serializer for the persisted item records (independent from the wire format).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredItem))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
