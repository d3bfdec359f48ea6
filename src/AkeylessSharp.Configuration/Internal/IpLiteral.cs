using System.Net;
using System.Net.Sockets;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Puts an IPv6 host back in brackets for a URL or a <c>host:port</c> string: the URI form of a connection hands it over
/// bare (<c>[::1]</c> becomes <c>::1</c>), and bare, <c>::1:6380</c> reads as another address on the default port.
/// </summary>
internal static class IpLiteral
{
    public static string Bracket(string host) =>
        !host.StartsWith('[') && IPAddress.TryParse(host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{host}]"
            : host;
}
