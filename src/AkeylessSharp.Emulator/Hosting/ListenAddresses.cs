using System.Net;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Checks listen addresses, and tells loopback ones from ones other machines can reach.</summary>
internal static class ListenAddresses
{
    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> unless every address is <c>http://HOST:PORT</c>. Kestrel would otherwise crash on
    /// some malformed ones, fall back to localhost:5000 on an empty list, and read <c>http://127.0.0.1:abc</c> as every interface on port 80.
    /// </summary>
    public static void Validate(string urls, OptionNames names)
    {
        var list = Split(urls);
        if (list.Length == 0)
        {
            throw new InvalidOperationException($"Urls '{urls}' holds no address: use http://HOST:PORT, such as http://127.0.0.1:8080 ({names.Urls}).");
        }

        foreach (var url in list)
        {
            if (!Uri.TryCreate(Normalize(url), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                throw new InvalidOperationException(
                    $"'{url}' is not a listen address: use http://HOST:PORT, such as http://127.0.0.1:8080 (port 0 picks a free one; the emulator serves plain http); separate several with ';' ({names.Urls}).");
            }
        }
    }

    /// <summary>Throws when <paramref name="urls"/> binds beyond loopback and no admin token protects the admin API.</summary>
    public static void RequireAdminTokenIfExposed(string urls, string? adminToken, OptionNames names)
    {
        if (adminToken is not null)
        {
            return;
        }

        foreach (var url in Split(urls))
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"{url} is reachable from other machines, and the /__emulator/ admin API would be open to them: set an admin token ({names.AdminToken}) or listen on 127.0.0.1.");
            }
        }
    }

    /// <summary>Whether every address in <paramref name="urls"/> binds loopback only.</summary>
    public static bool AllLoopback(string urls) => Split(urls).All(IsLoopback);

    /// <summary>
    /// Whether Kestrel binds <paramref name="url"/> to loopback only. Decided on the host as Kestrel reads it: only
    /// <c>localhost</c> and loopback IP addresses; any other name (even one <see cref="Uri"/> calls loopback, such as
    /// <c>loopback</c>) makes Kestrel listen on every interface.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        string host;
        try
        {
            host = BindingAddress.Parse(url).Host;
        }
        catch (FormatException)
        {
            return false;
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Kestrel accepts wildcard hosts that Uri does not parse; they all mean "every interface".
    private static string Normalize(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}
