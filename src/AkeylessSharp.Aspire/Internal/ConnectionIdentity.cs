namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// Lays a connection string over options bound from configuration: every option it names wins (where to connect, how to
/// authenticate, any tuning it carries such as <c>Timeout</c>), the others keep their bound values.
/// </summary>
internal static class ConnectionIdentity
{
    public static void CopyTo(string connectionString, AkeylessClientOptions target)
    {
        // Validated alone, as the connection an app host hands over: it says who connects, and how.
        var source = AkeylessClientOptions.FromConnectionString(connectionString);
        target.ApplyConnectionString(connectionString);

        // Named or not, its access type is the one its credential belongs to (api_key when it names none).
        target.AccessType = source.AccessType;
    }
}
