using System.Text.RegularExpressions;

namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>
/// The metadata server's <c>host[:port]</c>, from <c>GCE_METADATA_HOST</c> as Google's libraries read it. Anything else
/// (a scheme, a path, a query, user info, spaces) is refused before a request is made: glued into the URL it would send
/// the request somewhere the variable does not plainly say.
/// </summary>
internal static partial class MetadataHost
{
    public const string Default = "metadata.google.internal";
    public const string Variable = "GCE_METADATA_HOST";

    /// <summary>The host to ask: <paramref name="configured"/> when set, else <see cref="Default"/>.</summary>
    /// <exception cref="AkeylessCloudIdException"><paramref name="configured"/> is not a plain <c>host[:port]</c>.</exception>
    public static string Resolve(string? configured)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return Default;
        }

        if (!HostAndPort().IsMatch(configured)
            || !Uri.TryCreate($"http://{configured}/", UriKind.Absolute, out var uri)
            || uri.PathAndQuery != "/"
            || uri.UserInfo.Length != 0)
        {
            throw GcpCloudIdErrors.MetadataHostInvalid(Variable, configured);
        }

        return configured;
    }

    // A DNS name or IPv4 address, or a bracketed IPv6 address, then an optional port.
    [GeneratedRegex(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,253})|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();
}
