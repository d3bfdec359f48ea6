using System.Globalization;
using AkeylessSharp.Auth.Internal;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Items.Internal;

/// <summary>Maps wire items and type names to the public model, both ways for the list filter.</summary>
internal static class ItemMapper
{
    private static readonly Dictionary<string, AkeylessItemType> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STATIC_SECRET"] = AkeylessItemType.StaticSecret,
        ["DYNAMIC_SECRET"] = AkeylessItemType.DynamicSecret,
        ["ROTATED_SECRET"] = AkeylessItemType.RotatedSecret,
        ["CERTIFICATE"] = AkeylessItemType.Certificate,
        ["CLASSIC_KEY"] = AkeylessItemType.Key,
        ["SSH_CERT_ISSUER"] = AkeylessItemType.SshCertificateIssuer,
        ["PKI_CERT_ISSUER"] = AkeylessItemType.PkiCertificateIssuer,
    };

    private static readonly Dictionary<AkeylessItemType, string[]> s_filters = new()
    {
        [AkeylessItemType.StaticSecret] = ["static-secret"],
        [AkeylessItemType.DynamicSecret] = ["dynamic-secret"],
        [AkeylessItemType.RotatedSecret] = ["rotated-secret"],
        [AkeylessItemType.Certificate] = ["certificate"],
        [AkeylessItemType.Key] = ["key", "classic-key"],
        [AkeylessItemType.SshCertificateIssuer] = ["ssh-cert-issuer"],
        [AkeylessItemType.PkiCertificateIssuer] = ["pki-cert-issuer"],
    };

    public static AkeylessItemType ParseType(string? raw)
    {
        if (raw is null)
        {
            return AkeylessItemType.Unknown;
        }

        if (s_types.TryGetValue(raw, out var type))
        {
            return type;
        }

        // DFC keys report their algorithm as the type (AES256GCM, RSA2048, ...).
        return raw.StartsWith("AES", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("RSA", StringComparison.OrdinalIgnoreCase)
            ? AkeylessItemType.Key
            : AkeylessItemType.Unknown;
    }

    public static List<string>? ToFilter(IReadOnlyList<AkeylessItemType> types)
    {
        if (types.Count == 0)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var type in types)
        {
            if (s_filters.TryGetValue(type, out var filter))
            {
                names.AddRange(filter);
            }
        }

        return names;
    }

    public static AkeylessItem ToItem(ItemContract contract, string fallbackName) => new()
    {
        Name = contract.ItemName ?? fallbackName,
        Id = contract.ItemId ?? 0,
        Type = ParseType(contract.ItemType),
        RawType = contract.ItemType,
        SubType = contract.ItemSubType,
        Description = contract.ItemMetadata,
        Tags = WithoutNulls(contract.ItemTags),
        LastVersion = contract.LastVersion ?? 0,
        Versions = contract.ItemVersions?.OfType<ItemVersionContract>().Select(v => new AkeylessItemVersion(v.Version, v.ItemVersionState, ParseDate(v.CreationDate))).ToArray() ?? [],
        Format = contract.ItemGeneralInfo?.StaticSecretInfo?.Format,
        IsEnabled = contract.IsEnabled ?? true,
        CreatedOn = ParseDate(contract.CreationDate),
        ModifiedOn = ParseDate(contract.ModificationDate),
        NextRotationOn = ParseDate(contract.NextRotationDate),
    };

    public static AkeylessPermissions ParsePermissions(IReadOnlyList<string>? permissions)
    {
        var result = AkeylessPermissions.None;
        foreach (var permission in permissions ?? [])
        {
            result |= permission?.ToUpperInvariant() switch
            {
                "READ" => AkeylessPermissions.Read,
                "LIST" => AkeylessPermissions.List,
                "CREATE" => AkeylessPermissions.Create,
                "UPDATE" => AkeylessPermissions.Update,
                "WRITE" => AkeylessPermissions.Write,
                "DELETE" => AkeylessPermissions.Delete,
                _ => AkeylessPermissions.None,
            };
        }

        return result;
    }

    // A null inside a list of strings is nothing the service meant to say: left out rather than handed to the caller.
    private static IReadOnlyList<string> WithoutNulls(IReadOnlyList<string>? values) =>
        values is null ? [] : values.Contains(null!) ? values.OfType<string>().ToArray() : values;

    private static DateTimeOffset? ParseDate(string? text) =>
        TokenExpiry.TryParse(text, out var value) ? value : null;
}
