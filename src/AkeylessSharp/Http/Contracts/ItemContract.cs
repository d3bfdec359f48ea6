using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>An item as <c>describe-item</c> and <c>list-items</c> return it (only the fields the client maps).</summary>
internal sealed record ItemContract
{
    [JsonPropertyName("item_name")] public string? ItemName { get; init; }
    [JsonPropertyName("item_id")] public long? ItemId { get; init; }
    [JsonPropertyName("item_type")] public string? ItemType { get; init; }
    [JsonPropertyName("item_sub_type")] public string? ItemSubType { get; init; }
    [JsonPropertyName("item_metadata")] public string? ItemMetadata { get; init; }
    [JsonPropertyName("item_tags")] public IReadOnlyList<string>? ItemTags { get; init; }
    [JsonPropertyName("last_version")] public int? LastVersion { get; init; }
    [JsonPropertyName("item_versions")] public IReadOnlyList<ItemVersionContract>? ItemVersions { get; init; }
    [JsonPropertyName("creation_date")] public string? CreationDate { get; init; }
    [JsonPropertyName("modification_date")] public string? ModificationDate { get; init; }
    [JsonPropertyName("is_enabled")] public bool? IsEnabled { get; init; }
    [JsonPropertyName("next_rotation_date")] public string? NextRotationDate { get; init; }
    [JsonPropertyName("item_general_info")] public ItemGeneralInfoContract? ItemGeneralInfo { get; init; }
    [JsonPropertyName("client_permissions")] public IReadOnlyList<string>? ClientPermissions { get; init; }
}

/// <summary>One entry of <c>item_versions</c>.</summary>
internal sealed record ItemVersionContract
{
    [JsonPropertyName("version")] public int Version { get; init; }
    [JsonPropertyName("item_version_state")] public string? ItemVersionState { get; init; }
    [JsonPropertyName("creation_date")] public string? CreationDate { get; init; }
}

/// <summary>The part of <c>item_general_info</c> the client reads.</summary>
internal sealed record ItemGeneralInfoContract
{
    [JsonPropertyName("static_secret_info")] public StaticSecretInfoContract? StaticSecretInfo { get; init; }
}

/// <summary>Static secret details: the value format.</summary>
internal sealed record StaticSecretInfoContract
{
    [JsonPropertyName("format")] public string? Format { get; init; }
}
