using System.Text.Json.Serialization;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Reads seed files: camelCase, case-insensitive, comments and trailing commas allowed. A <c>null</c> where the model
/// declares a non-nullable property is a parse error naming its path, not a crash later.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SeedDocument))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
