namespace AkeylessSharp.Emulator.Wire;

/// <summary>The <c>Item</c> schema (describe-item, list-items); null members are omitted.</summary>
internal sealed record ItemOutput
{
    public required string ItemName { get; init; }
    public long ItemId { get; init; }
    public string? DisplayId { get; init; }
    public required string ItemType { get; init; }
    public string? ItemSubType { get; init; }
    public string? ItemMetadata { get; init; }
    public IReadOnlyList<string>? ItemTags { get; init; }
    public long? ItemSize { get; init; }
    public int? LastVersion { get; init; }
    public IReadOnlyList<ItemVersionOutput>? ItemVersions { get; init; }
    public string? CreationDate { get; init; }
    public string? ModificationDate { get; init; }
    public string? AccessDate { get; init; }
    public bool? IsEnabled { get; init; }
    public bool? DeleteProtection { get; init; }
    public string? ItemState { get; init; }
    public string? ProtectionKeyName { get; init; }
    public bool? AutoRotate { get; init; }
    public long? RotationInterval { get; init; }
    public string? LastRotationDate { get; init; }
    public string? NextRotationDate { get; init; }
    public ItemGeneralInfo? ItemGeneralInfo { get; init; }
    public IReadOnlyList<string>? ClientPermissions { get; init; }
}

internal sealed record ItemVersionOutput(int Version, string ItemVersionState, string CreationDate, string ModificationDate);

internal sealed record ItemGeneralInfo
{
    public StaticSecretInfo? StaticSecretInfo { get; init; }
    public RotatedSecretDetails? RotatedSecretDetails { get; init; }
    public ProducerDetails? DynamicSecretProducerDetails { get; init; }
    public SshIssuerDetails? CertIssueDetails { get; init; }
}

internal sealed record StaticSecretInfo(string Format, IReadOnlyList<string>? Websites = null, string? Username = null);

internal sealed record RotatedSecretDetails(string RotatorStatus, string RotatorType, long DeletePreviousVersionInDays = 0);

internal sealed record ProducerDetails(string ProducerStatus, string ProducerType, string UserTtl);

internal sealed record SshIssuerDetails(long MaxTtl, SshCertIssuerInfo SshCertIssuerDetails);

// CertType is the OpenSSH certificate type, 1 for user certificates: the SDK models it as a number.
internal sealed record SshCertIssuerInfo(IReadOnlyList<string> AllowedUsers, int CertType);

internal sealed record ListItemsOutput(IReadOnlyList<ItemOutput> Items, IReadOnlyList<string> Folders, string NextPage, bool HasNext);

internal sealed record DeleteItemOutput(string ItemName, long ItemId, int VersionDeleted, string DeletionDate);
