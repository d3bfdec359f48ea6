using System.Text.Json.Serialization;

namespace AkeylessSharp.Bench;

/// <summary>The <c>auth</c> request body a floor sends once, to get a token.</summary>
internal sealed record AuthBody(
    [property: JsonPropertyName("access-id")] string AccessId,
    [property: JsonPropertyName("access-key")] string AccessKey);

/// <summary>The token in the <c>auth</c> answer.</summary>
internal sealed record AuthAnswer([property: JsonPropertyName("token")] string Token);

/// <summary>The <c>get-secret-value</c> request body; <c>json</c> is left out when <see langword="null"/>.</summary>
internal sealed record GetSecretValueBody(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("json"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Json,
    [property: JsonPropertyName("names")] string[] Names);

/// <summary>Source-generated JSON for a floor, as a careful hand-written caller would use.</summary>
[JsonSerializable(typeof(AuthBody))]
[JsonSerializable(typeof(AuthAnswer))]
[JsonSerializable(typeof(GetSecretValueBody))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
