using System.Globalization;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Sets options from text keys, shared by connection strings and Airflow extras. Keys match case-insensitively and
/// ignore <c>_</c> and <c>-</c>, so <c>access_type</c>, <c>AccessType</c> and <c>access-type</c> are one key.
/// </summary>
/// <remarks>
/// Every option that is text, a number, a duration or a switch has a key, but the SAML login command and credentials
/// folder: an Airflow connection read from Akeyless itself goes through these keys, and whoever may write such a secret
/// must not choose a command this process runs or a folder it reads credentials from.
/// </remarks>
internal static class OptionSetters
{
    private static readonly Dictionary<string, Action<AkeylessClientOptions, string>> s_setters = new(StringComparer.Ordinal)
    {
        ["apiurl"] = static (o, v) => o.ApiUrl = v,
        ["apihost"] = static (o, v) => o.ApiUrl = v,
        ["accessid"] = static (o, v) => o.AccessId = v,
        ["accesstype"] = static (o, v) => o.AccessType = AkeylessAccessTypeNames.TryParse(v, out var t)
            ? t
            : throw UnknownAccessType.Error("access_type", v),
        ["accesskey"] = static (o, v) => o.AccessKey = v,
        ["uidtoken"] = static (o, v) => o.UidToken = v,
        ["jwt"] = static (o, v) => o.Jwt = v,
        ["jwttoken"] = static (o, v) => o.Jwt = v,
        ["jwtenvkey"] = static (o, v) => o.JwtEnvironmentVariable = v,
        ["jwtenvironmentvariable"] = static (o, v) => o.JwtEnvironmentVariable = v,
        ["k8sauthconfigname"] = static (o, v) => o.K8sAuthConfigName = v,
        ["k8sserviceaccounttoken"] = static (o, v) => o.K8sServiceAccountToken = v,
        ["k8sserviceaccounttokenpath"] = static (o, v) => o.K8sServiceAccountTokenPath = v,
        ["gatewayurl"] = static (o, v) => o.GatewayUrl = v,
        ["certificatedata"] = static (o, v) => o.CertificateData = v,
        ["certdata"] = static (o, v) => o.CertificateData = v,
        ["privatekeydata"] = static (o, v) => o.PrivateKeyData = v,
        ["keydata"] = static (o, v) => o.PrivateKeyData = v,
        ["gcpaudience"] = static (o, v) => o.GcpAudience = v,
        ["azureobjectid"] = static (o, v) => o.AzureObjectId = v,
        ["profile"] = static (o, v) => o.Profile = v,
        ["authtokenttl"] = static (o, v) => o.AuthTokenTtl = Seconds(v, nameof(AkeylessClientOptions.AuthTokenTtl)),
        ["tokenrefreshbuffer"] = static (o, v) => o.TokenRefreshBuffer = Seconds(v, nameof(AkeylessClientOptions.TokenRefreshBuffer)),
        ["uidtokenrotationinterval"] = static (o, v) => o.UidTokenRotationInterval = Seconds(v, nameof(AkeylessClientOptions.UidTokenRotationInterval)),
        ["timeout"] = static (o, v) => o.Timeout = Seconds(v, nameof(AkeylessClientOptions.Timeout)),
        ["attempttimeout"] = static (o, v) => o.AttemptTimeout = Seconds(v, nameof(AkeylessClientOptions.AttemptTimeout)),
        ["totalrequesttimeout"] = static (o, v) => o.TotalRequestTimeout = Seconds(v, nameof(AkeylessClientOptions.TotalRequestTimeout)),
        ["retrybasedelay"] = static (o, v) => o.RetryBaseDelay = Seconds(v, nameof(AkeylessClientOptions.RetryBaseDelay)),
        ["maxretries"] = static (o, v) => o.MaxRetries = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new AkeylessConfigurationException($"MaxRetries '{v}' is not a whole number between 0 and 10.", nameof(AkeylessClientOptions.MaxRetries)),
        ["gatewaycabundlepath"] = static (o, v) => o.GatewayCaBundlePath = v,
        ["maxresponsesize"] = static (o, v) => o.MaxResponseSize = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new AkeylessConfigurationException($"MaxResponseSize '{v}' is not a whole number of bytes (1024 or more).", nameof(AkeylessClientOptions.MaxResponseSize)),
        ["includepathintraces"] = static (o, v) => o.IncludePathInTraces = bool.TryParse(v, out var b)
            ? b
            : throw new AkeylessConfigurationException($"IncludePathInTraces '{v}' is neither true nor false.", nameof(AkeylessClientOptions.IncludePathInTraces)),
    };

    /// <summary>Sets the option named by <paramref name="key"/>; returns <see langword="false"/> for an unknown key.</summary>
    public static bool TrySet(AkeylessClientOptions options, string key, string value)
    {
        if (!s_setters.TryGetValue(Normalize(key), out var setter))
        {
            return false;
        }

        setter(options, value);
        return true;
    }

    /// <summary>Whether <paramref name="key"/>, in any spelling, names the API URL.</summary>
    public static bool NamesApiUrl(string key) => Normalize(key) is "apiurl" or "apihost";

    private static string Normalize(string key) =>
        key.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    // Reference integrations give durations in seconds; a TimeSpan literal ("00:05:00") is accepted too.
    private static TimeSpan Seconds(string value, string field)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            // TimeSpan.FromSeconds throws OverflowException past TimeSpan.MaxValue ("1e20", "Infinity").
            return seconds < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new AkeylessConfigurationException($"{field} '{value}' is more seconds than any duration can hold; give the number of seconds the option allows.", field);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new AkeylessConfigurationException($"{field} '{value}' is neither a number of seconds nor a time span such as 00:05:00.", field);
    }
}
