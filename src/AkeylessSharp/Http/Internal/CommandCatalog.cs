namespace AkeylessSharp.Http.Internal;

/// <summary>The API command names, and which of them change state (and so are not replayed after a 5xx).</summary>
internal static class CommandCatalog
{
    public const string Auth = "auth";
    public const string StaticCredsAuth = "static-creds-auth";
    public const string GetSecretValue = "get-secret-value";
    public const string GetDynamicSecretValue = "get-dynamic-secret-value";
    public const string GetRotatedSecretValue = "get-rotated-secret-value";
    public const string DescribeItem = "describe-item";
    public const string ListItems = "list-items";
    public const string CreateSecret = "create-secret";
    public const string UpdateSecretValue = "update-secret-val";
    public const string DeleteItem = "delete-item";
    public const string DescribePermissions = "describe-permissions";
    public const string GetSshCertificate = "get-ssh-certificate";

    // get-dynamic-secret-value mints credentials on every call, so a replay after a 5xx could leak an orphan
    // lease; it is still retried because a failed read leaves the caller without credentials, and leases expire.
    public static bool IsWrite(string command) => command is CreateSecret or UpdateSecretValue or DeleteItem;
}
