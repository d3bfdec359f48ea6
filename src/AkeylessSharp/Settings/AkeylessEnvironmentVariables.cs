namespace AkeylessSharp;

/// <summary>
/// The <c>AKEYLESS_*</c> environment variables read by <see cref="AkeylessClientOptions.FromEnvironment()"/>, by
/// <c>services.AddAkeyless()</c> without arguments, and by the <c>akeyless-sharp</c> command-line tool: one table for all.
/// </summary>
public static class AkeylessEnvironmentVariables
{
    /// <summary>A whole connection string (<c>akeyless://...</c> or <c>Key=Value;...</c>); the variables below override its fields.</summary>
    public const string ConnectionString = "AKEYLESS_CONNECTION_STRING";

    /// <summary><see cref="AkeylessClientOptions.ApiUrl"/>, as the Airflow provider's <c>api_url</c>.</summary>
    public const string ApiUrl = "AKEYLESS_API_URL";

    /// <summary><see cref="AkeylessClientOptions.AccessId"/>.</summary>
    public const string AccessId = "AKEYLESS_ACCESS_ID";

    /// <summary><see cref="AkeylessClientOptions.AccessKey"/>. Secret.</summary>
    public const string AccessKey = "AKEYLESS_ACCESS_KEY";

    /// <summary><see cref="AkeylessClientOptions.AccessType"/> by its wire name (<c>api_key</c>, <c>uid</c>, <c>jwt</c>, <c>k8s</c>, ...);
    /// when absent and no access key is set, the one credential given decides it.</summary>
    public const string AccessType = "AKEYLESS_ACCESS_TYPE";

    /// <summary><see cref="AkeylessClientOptions.UidToken"/>. Secret.</summary>
    public const string UidToken = "AKEYLESS_UID_TOKEN";

    /// <summary><see cref="AkeylessClientOptions.Jwt"/>. Secret.</summary>
    public const string Jwt = "AKEYLESS_JWT";

    /// <summary><see cref="AkeylessClientOptions.Profile"/> (SAML).</summary>
    public const string Profile = "AKEYLESS_PROFILE";

    /// <summary><see cref="AkeylessClientOptions.K8sAuthConfigName"/>.</summary>
    public const string K8sAuthConfigName = "AKEYLESS_K8S_AUTH_CONFIG_NAME";

    /// <summary><see cref="AkeylessClientOptions.K8sServiceAccountTokenPath"/>.</summary>
    public const string K8sTokenFile = "AKEYLESS_K8S_TOKEN_FILE";

    /// <summary>A PEM file whose content becomes <see cref="AkeylessClientOptions.CertificateData"/>.</summary>
    public const string CertFile = "AKEYLESS_CERT_FILE";

    /// <summary>A PEM file whose content becomes <see cref="AkeylessClientOptions.PrivateKeyData"/>.</summary>
    public const string KeyFile = "AKEYLESS_KEY_FILE";

    /// <summary><see cref="AkeylessClientOptions.GcpAudience"/>.</summary>
    public const string GcpAudience = "AKEYLESS_GCP_AUDIENCE";

    /// <summary><see cref="AkeylessClientOptions.AzureObjectId"/>.</summary>
    public const string AzureObjectId = "AKEYLESS_AZURE_OBJECT_ID";
}
