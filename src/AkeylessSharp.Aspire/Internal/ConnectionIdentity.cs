namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// The fields a connection string defines (where to connect and how to authenticate), copied over options bound from
/// configuration so the connection string wins for those while timeouts and retries keep their bound values.
/// </summary>
internal static class ConnectionIdentity
{
    private static readonly AkeylessClientOptions Defaults = new();

    private static readonly (Func<AkeylessClientOptions, string?> Get, Action<AkeylessClientOptions, string> Set)[] Fields =
    [
        (o => o.AccessId, (o, v) => o.AccessId = v),
        (o => o.AccessKey, (o, v) => o.AccessKey = v),
        (o => o.UidToken, (o, v) => o.UidToken = v),
        (o => o.Jwt, (o, v) => o.Jwt = v),
        (o => o.JwtEnvironmentVariable, (o, v) => o.JwtEnvironmentVariable = v),
        (o => o.K8sAuthConfigName, (o, v) => o.K8sAuthConfigName = v),
        (o => o.K8sServiceAccountToken, (o, v) => o.K8sServiceAccountToken = v),
        (o => o.K8sServiceAccountTokenPath, (o, v) => o.K8sServiceAccountTokenPath = v),
        (o => o.GatewayUrl, (o, v) => o.GatewayUrl = v),
        (o => o.CertificateData, (o, v) => o.CertificateData = v),
        (o => o.PrivateKeyData, (o, v) => o.PrivateKeyData = v),
        (o => o.GcpAudience, (o, v) => o.GcpAudience = v),
        (o => o.AzureObjectId, (o, v) => o.AzureObjectId = v),
        (o => o.Profile, (o, v) => o.Profile = v),
    ];

    public static void CopyTo(AkeylessClientOptions source, AkeylessClientOptions target)
    {
        target.ApiUrl = source.ApiUrl;
        target.AccessType = source.AccessType;
        foreach (var (get, set) in Fields)
        {
            if (get(source) is { } value && !string.Equals(value, get(Defaults), StringComparison.Ordinal))
            {
                set(target, value);
            }
        }
    }
}
