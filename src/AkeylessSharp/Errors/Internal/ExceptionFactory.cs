using System.Net;

namespace AkeylessSharp.Errors.Internal;

/// <summary>
/// The one place exceptions are built. Messages say what to check and carry the service's own text,
/// never a request body, a secret value or a token.
/// </summary>
internal static partial class ExceptionFactory
{
    public static AkeylessException FromStatus(HttpStatusCode status, string command, string? path, string? serviceMessage)
    {
        var at = At(path);
        var said = serviceMessage is null ? string.Empty : $" Akeyless said: {serviceMessage}";
        return status switch
        {
            HttpStatusCode.NotFound => new AkeylessNotFoundException(
                $"No item exists{at} ({command}, 404). Check the path, including its leading folder.{said}", command, path, serviceMessage),
            // uid-rotate-token carries the universal identity token itself, not an API token: no re-authentication happened.
            HttpStatusCode.Unauthorized when IsCredentialCommand(command) => new AkeylessUnauthorizedException(
                $"Akeyless rejected the credentials ({command}, 401). Check AccessId, AccessType and the credential for that access type.{said}", command, path, serviceMessage),
            HttpStatusCode.Unauthorized => new AkeylessUnauthorizedException(
                $"Akeyless rejected the API token for {command}{at} (401) even after authenticating again. Check that the auth method is still valid.{said}", command, path, serviceMessage),
            HttpStatusCode.Forbidden => new AkeylessForbiddenException(
                $"The auth method's roles do not allow {command}{at} (403). Check the role rules and capabilities for this path.{said}", command, path, serviceMessage),
            HttpStatusCode.BadRequest => new AkeylessBadRequestException(
                $"Akeyless rejected the {command} request{at} as invalid (400).{said}", command, path, serviceMessage),
            HttpStatusCode.Conflict => new AkeylessConflictException(
                $"An item already exists{at} ({command}, 409). Use UpdateSecretValueAsync or UpsertSecretAsync to change it.{said}", command, path, serviceMessage),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => new AkeylessServiceUnavailableException(
                $"Akeyless answered {(int)status} ({status}) to {command}{at}, after every retry allowed. Try again later, or check the service or Gateway status.{said}", status, command, path, serviceMessage),
            _ => new AkeylessException(
                $"Akeyless answered {(int)status} ({status}) to {command}{at}. Check ApiUrl and the service or Gateway status.{said}", status, command, path, serviceMessage),
        };
    }

    /// <summary>Whether <paramref name="command"/> carries a credential rather than an API token, so a 401 rejects the credential.</summary>
    public static bool IsCredentialCommand(string command) => command is "auth" or "static-creds-auth" or "uid-rotate-token";

    /// <summary>
    /// A 401 to a raw command that carried the caller's own token (<paramref name="tokenInBody"/>) or none (SendToken off):
    /// the client neither sent its token nor authenticated again.
    /// </summary>
    public static AkeylessUnauthorizedException CallersTokenRejected(AkeylessException rejected, bool tokenInBody)
    {
        var said = rejected.ServiceMessage is null ? string.Empty : $" Akeyless said: {rejected.ServiceMessage}";
        return new(
            tokenInBody
                ? $"Akeyless rejected the token the {rejected.Command} body carries (401); the client sent the body as given, without its own token and without authenticating. Check that token ('token' or 'uid-token'), or leave it out of the body so the client adds its API token.{said}"
                : $"Akeyless refused {rejected.Command} (401), sent without a token: SendToken is false and the body carries no 'token'. Set SendToken to true so the client adds its API token, or put one in the body.{said}",
            rejected.Command, rejected.Path, rejected.ServiceMessage);
    }

    /// <summary>A 429 or 5xx whose Retry-After asked for a wait longer than the call had left: not waited for.</summary>
    public static AkeylessServiceUnavailableException RetryAfterDeclined(HttpStatusCode status, string command, string? path, string? serviceMessage, TimeSpan wait) =>
        new($"Akeyless answered {(int)status} ({status}) to {command}{At(path)} and asked to retry after {wait:c} (Retry-After), longer than the call had left of its Timeout and TotalRequestTimeout, so the client did not wait. Try again later, or check the service or Gateway status.{(serviceMessage is null ? string.Empty : $" Akeyless said: {serviceMessage}")}",
            status, command, path, serviceMessage);

    public static AkeylessServiceUnavailableException Network(string command, string? path, Uri? baseUri, Exception exception) =>
        new($"Could not reach Akeyless at {Origin(baseUri)} for {command}{At(path)}, after every retry allowed: {exception.Message} Check ApiUrl, DNS, proxy and TLS (GatewayCaBundlePath) settings.",
            null, command, path, null, exception);

    public static AkeylessServiceUnavailableException BodyCutShort(string command, string? path, HttpStatusCode status, Exception exception) =>
        new($"Akeyless's answer to {command}{At(path)} ({(int)status}) broke off before its body was complete (cut short or malformed framing), after every retry allowed. Try again later, or check the network path (proxies, load balancers) to Akeyless.",
            status, command, path, null, exception);

    public static AkeylessTimeoutException Timeout(string command, string? path, TimeSpan? timeout, Exception exception) =>
        new($"The {command} call{(path is null ? string.Empty : $" for {Quote.Of(path)}")} did not finish within {(timeout is { } t ? t.ToString() : "the configured timeouts")}. Check the network path to Akeyless, or raise Timeout / AttemptTimeout / TotalRequestTimeout.",
            command, path, exception);

    /// <summary>
    /// The call's time ran out while the client was still authenticating: for a cloud access type that is the cloud-id
    /// provider waiting on the workload's credential source (IMDS, a container or managed identity endpoint, the metadata
    /// server), not the network path to Akeyless, so the message says so.
    /// </summary>
    public static AkeylessTimeoutException AuthenticationTimeout(string command, string? path, TimeSpan timeout, AkeylessAccessType accessType, Exception exception) =>
        new($"The {command} call{(path is null ? string.Empty : $" for {Quote.Of(path)}")} did not finish within {timeout}: authentication ({AkeylessAccessTypeNames.ToWireName(accessType)}) was still under way. "
            + (accessType is AkeylessAccessType.AwsIam or AkeylessAccessType.AzureAd or AkeylessAccessType.Gcp
                ? "The cloud-id provider was still getting this workload's cloud identity: check that its credential source answers (AWS: the instance metadata service or the container credentials endpoint; Azure: the managed identity endpoint; Google Cloud: the metadata server, or GCE_METADATA_HOST)"
                : "Check the network path to Akeyless and the auth method's own source (certificate, token file, SAML CLI)")
            + ", or raise Timeout / AttemptTimeout / TotalRequestTimeout.",
            command, path, exception);

    /// <summary>An answer whose body cannot be used; <paramref name="what"/> describes it and never quotes it.</summary>
    public static AkeylessProtocolException InvalidResponse(string command, string? path, string what, HttpStatusCode? status = null) =>
        new($"Akeyless answered {command}{At(path)}{(status is { } s ? $" ({(int)s})" : string.Empty)} with a body the client cannot use: {what}. Check that ApiUrl points at the Akeyless API or a Gateway, and any proxy in between.",
            status, command, path);

    /// <summary>A success answer larger than <see cref="AkeylessClientOptions.MaxResponseSize"/>: refused, not retried.</summary>
    public static AkeylessProtocolException ResponseTooLarge(string command, string? path, int limit, HttpStatusCode status) =>
        InvalidResponse(command, path, $"a body larger than MaxResponseSize ({limit} bytes, counted after decompression); if such an answer is expected (a very large page or batch), raise MaxResponseSize", status);

    /// <summary>
    /// A 404 to a command <see cref="AkeylessClient.InvokeAsync"/> sent whose text says the service has no such command
    /// (the emulator's <c>unknown command</c>, a router's <c>page not found</c>): not a missing item, so not "check the path".
    /// </summary>
    public static bool IsUnknownCommand(AkeylessException exception) =>
        exception.StatusCode == HttpStatusCode.NotFound
        && exception.ServiceMessage is { } said
        && (said.Contains("unknown command", StringComparison.OrdinalIgnoreCase) || said.Contains("page not found", StringComparison.OrdinalIgnoreCase));

    public static AkeylessException UnknownCommand(AkeylessException notFound) =>
        new($"Akeyless does not know the command {Quote.Of(notFound.Command)} (404): the service at ApiUrl has no such command. Check its name against the Akeyless API reference (lowercase words joined by '-', such as 'list-roles'), and that a Gateway in between supports it. Akeyless said: {notFound.ServiceMessage}",
            HttpStatusCode.NotFound, notFound.Command, notFound.Path, notFound.ServiceMessage, notFound);

    public static AkeylessConfigurationException Configuration(string field, string message) => new(message, field);

    private static string At(string? path) => path is null ? string.Empty : $" at {Quote.Of(path)}";

    private static string Origin(Uri? uri) => uri?.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) ?? "(unknown)";
}
