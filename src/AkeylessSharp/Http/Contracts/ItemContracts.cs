using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>The body of <c>describe-item</c>.</summary>
internal sealed record DescribeItemRequest : TokenRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("show-versions")] public bool ShowVersions { get; init; }
}

/// <summary>The body of <c>delete-item</c>; <c>version:-1</c> removes every version.</summary>
internal sealed record DeleteItemRequest : TokenRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("version")] public int Version => -1;
}

/// <summary>The body of <c>list-items</c>.</summary>
internal sealed record ListItemsRequest : TokenRequest
{
    [JsonPropertyName("path")] public string? Path { get; init; }
    [JsonPropertyName("filter")] public string? Filter { get; init; }
    [JsonPropertyName("tag")] public string? Tag { get; init; }
    [JsonPropertyName("type")] public IReadOnlyList<string>? Type { get; init; }
    [JsonPropertyName("pagination-token")] public string? PaginationToken { get; init; }
    [JsonPropertyName("auto-pagination")] public string? AutoPagination { get; init; }
    [JsonPropertyName("minimal-view")] public bool? MinimalView { get; init; }
}

/// <summary>The answer of <c>list-items</c> (settable for the reason given on <see cref="ItemContract"/>).</summary>
internal sealed record ListItemsResponse
{
    [JsonPropertyName("items")] public IReadOnlyList<ItemContract>? Items { get; set; }
    [JsonPropertyName("folders")] public IReadOnlyList<string>? Folders { get; set; }
    [JsonPropertyName("next_page")] public string? NextPage { get; set; }
}

/// <summary>The body of <c>describe-permissions</c>.</summary>
internal sealed record DescribePermissionsRequest : TokenRequest
{
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("type")] public string Type => "item";
}

/// <summary>The answer of <c>describe-permissions</c>.</summary>
internal sealed record DescribePermissionsResponse
{
    [JsonPropertyName("client_permissions")] public IReadOnlyList<string>? ClientPermissions { get; init; }
}
