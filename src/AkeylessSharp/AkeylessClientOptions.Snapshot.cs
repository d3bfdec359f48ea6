namespace AkeylessSharp;

/// <content>The copy a client takes of its options.</content>
public sealed partial class AkeylessClientOptions
{
    /// <summary>
    /// A copy of every setting, <see cref="Cache"/> included (the caches, lock and callbacks themselves are shared): what a
    /// client keeps, so changing the object it was given, to build another client or by mistake, never changes the
    /// credentials, limits or timeouts of a client already built.
    /// </summary>
    internal AkeylessClientOptions Snapshot() => new()
    {
        ApiUrl = ApiUrl,
        AccessId = AccessId,
        AccessType = AccessType,
        AccessKey = AccessKey,
        UidToken = UidToken,
        UidTokenRotationInterval = UidTokenRotationInterval,
        OnUidTokenRotated = OnUidTokenRotated,
        Jwt = Jwt,
        JwtEnvironmentVariable = JwtEnvironmentVariable,
        K8sAuthConfigName = K8sAuthConfigName,
        K8sServiceAccountToken = K8sServiceAccountToken,
        K8sServiceAccountTokenPath = K8sServiceAccountTokenPath,
        GatewayUrl = GatewayUrl,
        CertificateData = CertificateData,
        PrivateKeyData = PrivateKeyData,
        GcpAudience = GcpAudience,
        AzureObjectId = AzureObjectId,
        Profile = Profile,
        SamlLoginCommand = SamlLoginCommand,
        SamlCredentialsDirectory = SamlCredentialsDirectory,
        AuthTokenTtl = AuthTokenTtl,
        TokenRefreshBuffer = TokenRefreshBuffer,
        Timeout = Timeout,
        MaxRetries = MaxRetries,
        RetryBaseDelay = RetryBaseDelay,
        AttemptTimeout = AttemptTimeout,
        TotalRequestTimeout = TotalRequestTimeout,
        MaxResponseSize = MaxResponseSize,
        GatewayCaBundlePath = GatewayCaBundlePath,
        ServerCertificateValidation = ServerCertificateValidation,
        Cache = Cache?.Snapshot(),
        SecretCache = SecretCache,
        SecretFetchLock = SecretFetchLock,
        IncludePathInTraces = IncludePathInTraces,
    };
}
