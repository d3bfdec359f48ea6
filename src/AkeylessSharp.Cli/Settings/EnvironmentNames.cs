namespace AkeylessSharp.Cli.Settings;

/// <summary>The environment variables the tool reads; a command-line option wins over its variable.</summary>
internal static class EnvironmentNames
{
    public const string ApiUrl = "AKEYLESS_API_URL";
    public const string AccessId = "AKEYLESS_ACCESS_ID";
    public const string AccessKey = "AKEYLESS_ACCESS_KEY";
    public const string AccessType = "AKEYLESS_ACCESS_TYPE";
    public const string UidToken = "AKEYLESS_UID_TOKEN";
    public const string Jwt = "AKEYLESS_JWT";
    public const string Profile = "AKEYLESS_PROFILE";
    public const string K8sAuthConfigName = "AKEYLESS_K8S_AUTH_CONFIG_NAME";
    public const string K8sTokenFile = "AKEYLESS_K8S_TOKEN_FILE";
    public const string CertFile = "AKEYLESS_CERT_FILE";
    public const string KeyFile = "AKEYLESS_KEY_FILE";
    public const string GcpAudience = "AKEYLESS_GCP_AUDIENCE";
    public const string AzureObjectId = "AKEYLESS_AZURE_OBJECT_ID";
    public const string ConnectionString = "AKEYLESS_CONNECTION_STRING";
}
