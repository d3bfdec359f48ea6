using System.Net;
using System.Net.Sockets;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Which failures justify serving a stale value: the service failing (5xx, 408, 429), timeouts and network errors.
/// Never a not-found, an auth or permission failure, or a bad request: those are answers, not outages.
/// </summary>
internal static class TransientFailure
{
    public static bool Is(Exception exception) => exception switch
    {
        AkeylessNotFoundException => false,
        AkeylessTimeoutException => true,
        AkeylessException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        AkeylessException { InnerException: { } inner } => IsNetwork(inner),
        AkeylessException => false,
        _ => IsNetwork(exception),
    };

    private static bool IsNetwork(Exception exception) =>
        exception is HttpRequestException or TimeoutException or OperationCanceledException or IOException or SocketException;
}
