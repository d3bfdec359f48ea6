using System.Text.Json.Serialization;

namespace AkeylessSharp.Scale;

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

/// <summary>Source-generated JSON for the configuration floor's listing; the rest is <c>FloorJsonContext</c>.</summary>
[JsonSerializable(typeof(ListItemsBody))]
[JsonSerializable(typeof(ListItemsAnswer))]
internal sealed partial class ListItemsJsonContext : JsonSerializerContext;
