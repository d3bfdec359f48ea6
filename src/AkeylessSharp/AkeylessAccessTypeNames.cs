using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp;

/// <summary>Converts between <see cref="AkeylessAccessType"/> and the names the references and the wire use.</summary>
public static class AkeylessAccessTypeNames
{
    private static readonly Dictionary<string, AkeylessAccessType> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api_key"] = AkeylessAccessType.ApiKey,
        ["apikey"] = AkeylessAccessType.ApiKey,
        ["access_key"] = AkeylessAccessType.ApiKey,
        ["uid"] = AkeylessAccessType.UniversalIdentity,
        ["universal_identity"] = AkeylessAccessType.UniversalIdentity,
        ["universalidentity"] = AkeylessAccessType.UniversalIdentity,
        ["jwt"] = AkeylessAccessType.Jwt,
        ["k8s"] = AkeylessAccessType.Kubernetes,
        ["kubernetes"] = AkeylessAccessType.Kubernetes,
        ["cert"] = AkeylessAccessType.Certificate,
        ["certificate"] = AkeylessAccessType.Certificate,
        ["saml"] = AkeylessAccessType.Saml,
        ["aws_iam"] = AkeylessAccessType.AwsIam,
        ["awsiam"] = AkeylessAccessType.AwsIam,
        ["gcp"] = AkeylessAccessType.Gcp,
        ["azure_ad"] = AkeylessAccessType.AzureAd,
        ["azuread"] = AkeylessAccessType.AzureAd,
    };

    private static readonly Dictionary<AkeylessAccessType, string> s_wire = new()
    {
        [AkeylessAccessType.ApiKey] = "access_key",
        [AkeylessAccessType.UniversalIdentity] = "universal_identity",
        [AkeylessAccessType.Jwt] = "jwt",
        [AkeylessAccessType.Kubernetes] = "k8s",
        [AkeylessAccessType.Certificate] = "cert",
        [AkeylessAccessType.Saml] = "saml",
        [AkeylessAccessType.AwsIam] = "aws_iam",
        [AkeylessAccessType.Gcp] = "gcp",
        [AkeylessAccessType.AzureAd] = "azure_ad",
    };

    /// <summary>The names accepted by <see cref="TryParse"/>, for error messages.</summary>
    public const string AllowedNames = "api_key (access_key), uid (universal_identity), jwt, k8s, certificate (cert), saml, aws_iam, gcp, azure_ad";

    /// <summary>Parses a reference-style or wire name (<c>api_key</c>, <c>uid</c>, <c>certificate</c>, ...) or an enum name.</summary>
    /// <param name="name">The name; case and surrounding spaces are ignored.</param>
    /// <param name="accessType">The access type, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out AkeylessAccessType accessType)
    {
        accessType = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        if (s_byName.TryGetValue(trimmed, out accessType))
        {
            return true;
        }

        return !int.TryParse(trimmed, out _) && Enum.TryParse(trimmed, ignoreCase: true, out accessType) && Enum.IsDefined(accessType);
    }

    /// <summary>Gets the <c>access-type</c> value sent to <c>/auth</c>.</summary>
    /// <param name="accessType">The access type.</param>
    /// <returns>The wire name, such as <c>access_key</c> for <see cref="AkeylessAccessType.ApiKey"/>.</returns>
    public static string ToWireName(AkeylessAccessType accessType) =>
        s_wire.TryGetValue(accessType, out var name) ? name : accessType.ToString();
}
