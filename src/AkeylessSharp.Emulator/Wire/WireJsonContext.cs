using System.Text.Json.Serialization;

namespace AkeylessSharp.Emulator.Wire;

/// <summary>Source-generated serializers for every response body (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuthOutput))]
[JsonSerializable(typeof(TokenOutput))]
[JsonSerializable(typeof(NameOutput))]
[JsonSerializable(typeof(ChallengeOutput))]
[JsonSerializable(typeof(ErrorOutput))]
[JsonSerializable(typeof(DescribePermissionsOutput))]
[JsonSerializable(typeof(SshCertificateOutput))]
[JsonSerializable(typeof(RotatedValueOutput))]
[JsonSerializable(typeof(EmptyOutput))]
[JsonSerializable(typeof(HealthOutput))]
[JsonSerializable(typeof(TokenCountOutput))]
[JsonSerializable(typeof(ItemOutput))]
[JsonSerializable(typeof(ListItemsOutput))]
[JsonSerializable(typeof(DeleteItemOutput))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
