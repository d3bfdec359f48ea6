using System.Text.Json.Serialization;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>Reads seed files: camelCase, case-insensitive, comments and trailing commas allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SeedDocument))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
