using System.Globalization;
using System.Net;
using System.Net.Http;
using Polly.Timeout;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// The OpenTelemetry <c>error.type</c> of a failure: the HTTP status code for an answer (<c>404</c>), <c>timeout</c>,
/// the <see cref="HttpRequestError"/> in snake case for a network failure (<c>connection_error</c>), otherwise the exception's type name.
/// </summary>
internal static class ErrorTypes
{
    public const string Timeout = "timeout";

    private static readonly string[] s_statusCodes = CreateStatusCodes();

    public static string Of(Exception exception) => exception switch
    {
        AkeylessTimeoutException or TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException } => Timeout,
        AkeylessException { StatusCode: { } status } => Of(status),
        HttpRequestException network => Of(network),
        AkeylessException { InnerException: HttpRequestException network } => Of(network),
        AkeylessException { StatusCode: null, InnerException: IOException io } => io.GetType().FullName ?? nameof(IOException),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    public static string Of(HttpStatusCode status) =>
        (int)status is >= 100 and < 600 ? s_statusCodes[(int)status - 100] : ((int)status).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the failure is the network's (no answer received), as opposed to an answer or a timeout.</summary>
    public static bool IsNetwork(Exception exception) =>
        exception is HttpRequestException or AkeylessException { StatusCode: null, InnerException: HttpRequestException or IOException };

    private static string Of(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "name_resolution_error",
        HttpRequestError.ConnectionError => "connection_error",
        HttpRequestError.SecureConnectionError => "secure_connection_error",
        HttpRequestError.HttpProtocolError => "http_protocol_error",
        HttpRequestError.ExtendedConnectNotSupported => "extended_connect_not_supported",
        HttpRequestError.VersionNegotiationError => "version_negotiation_error",
        HttpRequestError.UserAuthenticationError => "user_authentication_error",
        HttpRequestError.ProxyTunnelError => "proxy_tunnel_error",
        HttpRequestError.InvalidResponse => "invalid_response",
        HttpRequestError.ResponseEnded => "response_ended",
        HttpRequestError.ConfigurationLimitExceeded => "configuration_limit_exceeded",
        _ => exception.StatusCode is { } status ? Of(status) : typeof(HttpRequestException).FullName!,
    };

    private static string[] CreateStatusCodes()
    {
        var codes = new string[500];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = (i + 100).ToString(CultureInfo.InvariantCulture);
        }

        return codes;
    }
}
