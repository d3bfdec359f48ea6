namespace AkeylessSharp.Emulator.Storage;

/// <summary>The item types the emulator stores, as the API spells them.</summary>
internal static class ItemTypes
{
    public const string Static = "STATIC_SECRET";
    public const string Dynamic = "DYNAMIC_SECRET";
    public const string Rotated = "ROTATED_SECRET";
    public const string SshIssuer = "SSH_CERT_ISSUER";

    /// <summary>Maps list-items <c>type</c> filter values (kebab-case) to item types.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByFilter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["static-secret"] = Static,
        ["dynamic-secret"] = Dynamic,
        ["rotated-secret"] = Rotated,
        ["ssh-cert-issuer"] = SshIssuer,
        ["key"] = "KEY",
        ["classic-key"] = "CLASSIC_KEY",
        ["certificate"] = "CERTIFICATE",
        ["pki-cert-issuer"] = "PKI_CERT_ISSUER",
        ["tokenizer"] = "TOKENIZER",
    };
}

/// <summary>One item with all its versions. Immutable: writers replace the whole record.</summary>
internal sealed record StoredItem
{
    public required string Name { get; init; }
    public long Id { get; init; }
    public required string DisplayId { get; init; }
    public required string Type { get; init; }
    public string SubType { get; init; } = "generic";
    public string? Description { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The <c>delete_protection</c> the item was created with, shown by describe-item.</summary>
    public bool DeleteProtection { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; init; }
    public string Format { get; init; } = "text";

    /// <summary>A password secret's <c>username</c> and <c>inject-url</c> websites (null on other items).</summary>
    public LoginDetails? Login { get; init; }
    public int LastVersion { get; init; }
    public IReadOnlyList<StoredVersion> Versions { get; init; } = [];
    public DynamicSpec? Dynamic { get; init; }
    public RotatedSpec? Rotated { get; init; }
    public SshIssuerSpec? Ssh { get; init; }

    public StoredVersion? FindVersion(int version) =>
        version <= 0 ? Versions.LastOrDefault() : Versions.FirstOrDefault(v => v.Version == version);
}

internal sealed record StoredVersion(int Version, string Value, DateTimeOffset Created);

internal sealed record LoginDetails(string? Username, IReadOnlyList<string> Websites);

internal sealed record DynamicSpec(string UsernamePrefix, int TtlSeconds);

internal sealed record RotatedSpec
{
    public required string RotatorType { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public string? TargetName { get; init; }
    public bool AutoRotate { get; init; }
    public long RotationIntervalSeconds { get; init; }
    public DateTimeOffset LastRotation { get; init; }
}

internal sealed record SshIssuerSpec(string CaPrivateKeyPem, IReadOnlyList<string> AllowedUsers, int TtlSeconds);
