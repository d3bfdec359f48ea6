using System.Data.Common;

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

    public static void CopyTo(string connectionString, AkeylessClientOptions target)
    {
        var source = AkeylessClientOptions.FromConnectionString(connectionString);

        // A connection string without an endpoint holds the default one: the configured gateway must stay the key's origin.
        if (NamesEndpoint(connectionString))
        {
            target.ApiUrl = source.ApiUrl;
        }

        target.AccessType = source.AccessType;
        foreach (var (get, set) in Fields)
        {
            if (get(source) is { } value && !string.Equals(value, get(Defaults), StringComparison.Ordinal))
            {
                set(target, value);
            }
        }
    }

    /// <summary>The URI form always names its host; the key/value form names it with <c>ApiUrl</c> or <c>ApiHost</c> (any case, <c>_</c> or <c>-</c> ignored).</summary>
    private static bool NamesEndpoint(string connectionString)
    {
        var text = connectionString.Trim();
        if (text.StartsWith("akeyless://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("akeyless+http://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var pairs = new DbConnectionStringBuilder { ConnectionString = text };
        return pairs.Keys.Cast<string>().Any(key => key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim()
            .ToUpperInvariant() is "APIURL" or "APIHOST");
    }
}
