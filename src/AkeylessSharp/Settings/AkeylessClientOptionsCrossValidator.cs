using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Settings;

/// <summary>
/// The rules across fields: what each access type needs, the API URL form, and timeouts that fit together.
/// Messages name the field and what is allowed, and never print a secret.
/// </summary>
internal sealed class AkeylessClientOptionsCrossValidator : IValidateOptions<AkeylessClientOptions>
{
    private static readonly Dictionary<AkeylessAccessType, Action<AkeylessClientOptions, List<string>>> s_rules = new()
    {
        [AkeylessAccessType.ApiKey] = static (o, f) => { NeedAccessId(o, f); Need(o.AccessKey, "AccessKey", f); },
        [AkeylessAccessType.UniversalIdentity] = static (o, f) => Need(o.UidToken, "UidToken", f),
        [AkeylessAccessType.Jwt] = static (o, f) =>
        {
            NeedAccessId(o, f);
            if (string.IsNullOrWhiteSpace(o.Jwt) && string.IsNullOrWhiteSpace(o.JwtEnvironmentVariable))
            {
                f.Add("Jwt or JwtEnvironmentVariable is required for AccessType jwt: give the token, or the name of the environment variable holding it.");
            }
        },
        [AkeylessAccessType.Kubernetes] = static (o, f) =>
        {
            NeedAccessId(o, f);
            Need(o.K8sAuthConfigName, "K8sAuthConfigName", f);
            if (string.IsNullOrWhiteSpace(o.K8sServiceAccountToken) && string.IsNullOrWhiteSpace(o.K8sServiceAccountTokenPath))
            {
                f.Add($"K8sServiceAccountTokenPath is empty: give the service-account token file ({AkeylessClientOptions.DefaultK8sServiceAccountTokenPath} in a pod), or K8sServiceAccountToken.");
            }
        },
        [AkeylessAccessType.Certificate] = static (o, f) => { NeedAccessId(o, f); Need(o.CertificateData, "CertificateData", f); Need(o.PrivateKeyData, "PrivateKeyData", f); },
        [AkeylessAccessType.Saml] = static (o, f) => NeedAccessId(o, f),
        [AkeylessAccessType.AwsIam] = static (o, f) => NeedAccessId(o, f),
        [AkeylessAccessType.Gcp] = static (o, f) => { NeedAccessId(o, f); Need(o.GcpAudience, "GcpAudience", f); },
        [AkeylessAccessType.AzureAd] = static (o, f) => NeedAccessId(o, f),
    };

    public ValidateOptionsResult Validate(string? name, AkeylessClientOptions options)
    {
        var failures = new List<string>();
        if (s_rules.TryGetValue(options.AccessType, out var rule))
        {
            rule(options, failures);
        }
        else
        {
            failures.Add($"AccessType '{options.AccessType}' is not supported. Allowed: {AkeylessAccessTypeNames.AllowedNames}.");
        }

        if (!ApiUrl.TryNormalize(options.ApiUrl, out _, out var urlError))
        {
            failures.Add(urlError!);
        }

        if (options.GatewayCaBundlePath is { } bundle && string.IsNullOrWhiteSpace(bundle))
        {
            failures.Add("GatewayCaBundlePath is empty: give the path of a PEM file of the Gateway's CA certificates, or leave it unset to trust the system's CAs.");
        }

        if (options.GatewayUrl is { } gateway
            && !(Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUri) && (gatewayUri.Scheme == Uri.UriSchemeHttps || gatewayUri.Scheme == Uri.UriSchemeHttp)))
        {
            failures.Add("GatewayUrl is not an absolute http(s) URL: give the Gateway's address as Akeyless reaches it, such as https://gateway.example.com:8000, or leave it unset to send the Gateway root of ApiUrl.");
        }

        foreach (var (path, field) in (ReadOnlySpan<(string?, string)>)[
            (options.K8sServiceAccountTokenPath, nameof(AkeylessClientOptions.K8sServiceAccountTokenPath)),
            (options.GatewayCaBundlePath, nameof(AkeylessClientOptions.GatewayCaBundlePath)),
            (options.SamlCredentialsDirectory, nameof(AkeylessClientOptions.SamlCredentialsDirectory))])
        {
            if (path is not null && path.Contains('\0', StringComparison.Ordinal))
            {
                failures.Add($"{field} holds a NUL character, which no file path can: give the path as written on disk.");
            }
        }

        if (options.AttemptTimeout > options.TotalRequestTimeout)
        {
            failures.Add($"AttemptTimeout ({options.AttemptTimeout}) must not exceed TotalRequestTimeout ({options.TotalRequestTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void NeedAccessId(AkeylessClientOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.AccessId))
        {
            failures.Add($"AccessId is required for AccessType {AkeylessAccessTypeNames.ToWireName(options.AccessType)}: give the auth method's access id, 'p-' followed by letters and digits.");
        }
    }

    private static void Need(string? value, string field, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{field} is required for this AccessType.");
        }
    }
}
