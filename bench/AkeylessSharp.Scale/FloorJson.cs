using System.Text.Json.Serialization;

namespace AkeylessSharp.Scale;

internal sealed record AuthBody(
    [property: JsonPropertyName("access-id")] string AccessId,
    [property: JsonPropertyName("access-key")] string AccessKey);

internal sealed record AuthAnswer([property: JsonPropertyName("token")] string Token);

internal sealed record GetSecretValueBody(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("names")] string[] Names);

/// <summary>The <c>list-items</c> request the client sends: static secrets of one folder, page by page.</summary>
internal sealed record ListItemsBody(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("type")] string[] Type,
    [property: JsonPropertyName("auto-pagination")] string AutoPagination,
    [property: JsonPropertyName("pagination-token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PaginationToken);

internal sealed record ListedItem([property: JsonPropertyName("item_name")] string Name);

internal sealed record ListItemsAnswer(
    [property: JsonPropertyName("items")] ListedItem[]? Items,
    [property: JsonPropertyName("next_page")] string? NextPage);

/// <summary>Source-generated JSON for the floor, as a careful hand-written caller would use.</summary>
[JsonSerializable(typeof(AuthBody))]
[JsonSerializable(typeof(AuthAnswer))]
[JsonSerializable(typeof(GetSecretValueBody))]
[JsonSerializable(typeof(ListItemsBody))]
[JsonSerializable(typeof(ListItemsAnswer))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class FloorJsonContext : JsonSerializerContext;
