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
    public const string ConnectionString = "AKEYLESS_CONNECTION_STRING";
}
