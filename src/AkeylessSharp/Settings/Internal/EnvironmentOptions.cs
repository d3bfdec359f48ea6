namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Applies the <see cref="AkeylessEnvironmentVariables"/> to options: the connection string first, then each variable
/// over it. Blank variables count as unset. Nothing is validated here; the client validates when it is created.
/// </summary>
internal static class EnvironmentOptions
{
    public static AkeylessClientOptions Apply(AkeylessClientOptions options, Func<string, string?> getVariable)
    {
        string? Get(string name) => getVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var connectionString = Get(AkeylessEnvironmentVariables.ConnectionString);
        if (connectionString is not null)
        {
            AkeylessClientOptions.ApplyConnectionString(connectionString, options);
        }

        options.ApiUrl = Get(AkeylessEnvironmentVariables.ApiUrl) ?? options.ApiUrl;
        options.AccessId = Get(AkeylessEnvironmentVariables.AccessId) ?? options.AccessId;
        options.AccessKey = Get(AkeylessEnvironmentVariables.AccessKey) ?? options.AccessKey;
        options.UidToken = Get(AkeylessEnvironmentVariables.UidToken) ?? options.UidToken;
        options.Jwt = Get(AkeylessEnvironmentVariables.Jwt) ?? options.Jwt;
        options.Profile = Get(AkeylessEnvironmentVariables.Profile) ?? options.Profile;
        options.K8sAuthConfigName = Get(AkeylessEnvironmentVariables.K8sAuthConfigName) ?? options.K8sAuthConfigName;
        options.K8sServiceAccountTokenPath = Get(AkeylessEnvironmentVariables.K8sTokenFile) ?? options.K8sServiceAccountTokenPath;
        options.CertificateData = ReadFile(Get(AkeylessEnvironmentVariables.CertFile), AkeylessEnvironmentVariables.CertFile) ?? options.CertificateData;
        options.PrivateKeyData = ReadFile(Get(AkeylessEnvironmentVariables.KeyFile), AkeylessEnvironmentVariables.KeyFile) ?? options.PrivateKeyData;
        options.GcpAudience = Get(AkeylessEnvironmentVariables.GcpAudience) ?? options.GcpAudience;
        options.AzureObjectId = Get(AkeylessEnvironmentVariables.AzureObjectId) ?? options.AzureObjectId;

        if (Get(AkeylessEnvironmentVariables.AccessType) is { } accessType)
        {
            options.AccessType = AkeylessAccessTypeNames.TryParse(accessType, out var type)
                ? type
                : throw UnknownAccessType.Error(AkeylessEnvironmentVariables.AccessType, accessType);
        }
        else if (connectionString is null && options.AccessKey is null)
        {
            options.AccessType = Inferred(options) ?? options.AccessType;
        }

        return options;
    }

    // Only one credential was given: its kind says how to authenticate, as the command-line tool does.
    private static AkeylessAccessType? Inferred(AkeylessClientOptions options) =>
        options.UidToken is not null ? AkeylessAccessType.UniversalIdentity
        : options.Jwt is not null ? AkeylessAccessType.Jwt
        : options.K8sAuthConfigName is not null ? AkeylessAccessType.Kubernetes
        : options.CertificateData is not null ? AkeylessAccessType.Certificate
        : null;

    private static string? ReadFile(string? path, string variable)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return CredentialFile.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AkeylessConfigurationException($"{variable} names {Errors.Internal.Quote.Of(path)}, which cannot be read ({ex.GetType().Name}).", variable, ex);
        }
    }
}
