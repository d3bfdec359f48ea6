namespace AkeylessSharp.Cli.Output;

/// <summary>The kebab-case item type names the tool prints and accepts (<c>static-secret</c>; <c>static</c> for short).</summary>
internal static class ItemTypeNames
{
    private static readonly Dictionary<string, AkeylessItemType> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["static"] = AkeylessItemType.StaticSecret,
        ["static-secret"] = AkeylessItemType.StaticSecret,
        ["dynamic"] = AkeylessItemType.DynamicSecret,
        ["dynamic-secret"] = AkeylessItemType.DynamicSecret,
        ["rotated"] = AkeylessItemType.RotatedSecret,
        ["rotated-secret"] = AkeylessItemType.RotatedSecret,
        ["certificate"] = AkeylessItemType.Certificate,
        ["key"] = AkeylessItemType.Key,
        ["ssh-cert-issuer"] = AkeylessItemType.SshCertificateIssuer,
        ["pki-cert-issuer"] = AkeylessItemType.PkiCertificateIssuer,
    };

    /// <summary>The names <c>list --type</c> accepts.</summary>
    public static readonly string[] Accepted = ["static", "dynamic", "rotated", "certificate", "key", "ssh-cert-issuer", "pki-cert-issuer", "static-secret", "dynamic-secret", "rotated-secret"];

    public static AkeylessItemType Parse(string name) => s_byName[name];

    public static string ToName(AkeylessItemType type, string? rawType = null) => type switch
    {
        AkeylessItemType.StaticSecret => "static-secret",
        AkeylessItemType.DynamicSecret => "dynamic-secret",
        AkeylessItemType.RotatedSecret => "rotated-secret",
        AkeylessItemType.Certificate => "certificate",
        AkeylessItemType.Key => "key",
        AkeylessItemType.SshCertificateIssuer => "ssh-cert-issuer",
        AkeylessItemType.PkiCertificateIssuer => "pki-cert-issuer",
        _ => rawType?.ToLowerInvariant() ?? "unknown",
    };
}
