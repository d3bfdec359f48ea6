using System.Net;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Tells loopback listen addresses from ones other machines can reach.</summary>
internal static class ListenAddresses
{
    /// <summary>Throws when <paramref name="urls"/> binds beyond loopback and no admin token protects the admin API.</summary>
    public static void RequireAdminTokenIfExposed(string urls, string? adminToken)
    {
        if (adminToken is not null)
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"{url} is reachable from other machines, and the /__emulator/ admin API would be open to them: set an admin token (--admin-token, AkeylessEmulatorOptions.AdminToken) or listen on 127.0.0.1.");
            }
        }
    }

    public static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcard hosts that Uri does not parse; they all mean "every interface".
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
