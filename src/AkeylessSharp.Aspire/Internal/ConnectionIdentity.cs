using System.Data.Common;

namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// The fields a connection string sets (where to connect, how to authenticate, and any tuning it carries such as
/// <c>Timeout</c>), copied over options bound from configuration; the fields it leaves out keep their bound values.
/// </summary>
internal static class ConnectionIdentity
{
    private static readonly AkeylessClientOptions Defaults = new();

    // Every option a connection string can name: one it sets (differing from the default) wins over the bound value.
    private static readonly Action<AkeylessClientOptions, AkeylessClientOptions>[] Fields =
    [
        Field(o => o.AccessId, (o, v) => o.AccessId = v),
        Field(o => o.AccessKey, (o, v) => o.AccessKey = v),
        Field(o => o.UidToken, (o, v) => o.UidToken = v),
        Field(o => o.Jwt, (o, v) => o.Jwt = v),
        Field(o => o.JwtEnvironmentVariable, (o, v) => o.JwtEnvironmentVariable = v),
        Field(o => o.K8sAuthConfigName, (o, v) => o.K8sAuthConfigName = v),
        Field(o => o.K8sServiceAccountToken, (o, v) => o.K8sServiceAccountToken = v),
        Field(o => o.K8sServiceAccountTokenPath, (o, v) => o.K8sServiceAccountTokenPath = v),
        Field(o => o.GatewayUrl, (o, v) => o.GatewayUrl = v),
        Field(o => o.CertificateData, (o, v) => o.CertificateData = v),
        Field(o => o.PrivateKeyData, (o, v) => o.PrivateKeyData = v),
        Field(o => o.GcpAudience, (o, v) => o.GcpAudience = v),
        Field(o => o.AzureObjectId, (o, v) => o.AzureObjectId = v),
        Field(o => o.Profile, (o, v) => o.Profile = v),
        Field(o => o.AuthTokenTtl, (o, v) => o.AuthTokenTtl = v),
        Field(o => o.TokenRefreshBuffer, (o, v) => o.TokenRefreshBuffer = v),
        Field(o => o.UidTokenRotationInterval, (o, v) => o.UidTokenRotationInterval = v),
        Field(o => o.Timeout, (o, v) => o.Timeout = v),
        Field(o => o.AttemptTimeout, (o, v) => o.AttemptTimeout = v),
        Field(o => o.TotalRequestTimeout, (o, v) => o.TotalRequestTimeout = v),
        Field(o => o.RetryBaseDelay, (o, v) => o.RetryBaseDelay = v),
        Field(o => o.MaxRetries, (o, v) => o.MaxRetries = v),
        Field(o => o.GatewayCaBundlePath, (o, v) => o.GatewayCaBundlePath = v),
        Field(o => o.MaxResponseSize, (o, v) => o.MaxResponseSize = v),
        Field(o => o.IncludePathInTraces, (o, v) => o.IncludePathInTraces = v),
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
        foreach (var copy in Fields)
        {
            copy(source, target);
        }
    }

    private static Action<AkeylessClientOptions, AkeylessClientOptions> Field<T>(Func<AkeylessClientOptions, T> get, Action<AkeylessClientOptions, T> set) =>
        (source, target) =>
        {
            if (get(source) is { } value && !EqualityComparer<T>.Default.Equals(value, get(Defaults)))
            {
                set(target, value);
            }
        };

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
