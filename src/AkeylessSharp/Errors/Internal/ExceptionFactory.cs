using System.Net;
using System.Text.Json;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Errors.Internal;

/// <summary>
/// The one place exceptions are built. Messages say what to check and carry the service's own text,
/// never a request body, a secret value or a token.
/// </summary>
internal static class ExceptionFactory
{
    private const int MaxServiceMessageLength = 512;

    public static async Task<AkeylessException> FromResponseAsync(HttpResponseMessage response, string command, string? path, CancellationToken cancellationToken)
    {
        string? serviceMessage = null;
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            serviceMessage = ReadServiceMessage(body);
        }
        catch (HttpRequestException)
        {
            // The status alone still tells the caller what went wrong.
        }

        return FromStatus(response.StatusCode, command, path, serviceMessage);
    }

    public static AkeylessException FromStatus(HttpStatusCode status, string command, string? path, string? serviceMessage)
    {
        var at = path is null ? string.Empty : $" at '{path}'";
        var said = serviceMessage is null ? string.Empty : $" Akeyless said: {serviceMessage}";
        return status switch
        {
            HttpStatusCode.NotFound => new AkeylessNotFoundException(
                $"No item exists{at} ({command}, 404). Check the path, including its leading folder.{said}", command, path, serviceMessage),
            HttpStatusCode.Unauthorized when command is "auth" or "static-creds-auth" => new AkeylessUnauthorizedException(
                $"Akeyless rejected the credentials ({command}, 401). Check AccessId, AccessType and the credential for that access type.{said}", command, path, serviceMessage),
            HttpStatusCode.Unauthorized => new AkeylessUnauthorizedException(
                $"Akeyless rejected the API token for {command}{at} (401) even after authenticating again. Check that the auth method is still valid.{said}", command, path, serviceMessage),
            HttpStatusCode.Forbidden => new AkeylessForbiddenException(
                $"The auth method's roles do not allow {command}{at} (403). Check the role rules and capabilities for this path.{said}", command, path, serviceMessage),
            HttpStatusCode.BadRequest => new AkeylessBadRequestException(
                $"Akeyless rejected the {command} request{at} as invalid (400).{said}", command, path, serviceMessage),
            HttpStatusCode.Conflict => new AkeylessConflictException(
                $"An item already exists{at} ({command}, 409). Use UpdateSecretValueAsync or UpsertSecretAsync to change it.{said}", command, path, serviceMessage),
            _ => new AkeylessException(
                $"Akeyless answered {(int)status} ({status}) to {command}{at}. Check ApiUrl and the service or Gateway status.{said}", status, command, path, serviceMessage),
        };
    }

    public static AkeylessException Network(string command, string? path, Uri? baseUri, Exception exception) =>
        new($"Could not reach Akeyless at {baseUri?.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) ?? "(unknown)"} for {command}: {exception.Message} Check ApiUrl, DNS, proxy and TLS (GatewayCaBundlePath) settings.",
            null, command, path, null, exception);

    public static AkeylessTimeoutException Timeout(string command, string? path, TimeSpan? timeout, Exception exception) =>
        new($"The {command} call{(path is null ? string.Empty : $" for '{path}'")} did not finish within {(timeout is { } t ? t.ToString() : "the configured timeouts")}. Check the network path to Akeyless, or raise Timeout / AttemptTimeout / TotalRequestTimeout.",
            command, path, exception);

    public static AkeylessException InvalidResponse(string command, string? path, string what, Exception? exception = null) =>
        new($"Akeyless answered {command}{(path is null ? string.Empty : $" for '{path}'")} with an unexpected body: {what}. Check that ApiUrl points at the Akeyless API or a Gateway.",
            null, command, path, null, exception);

    public static AkeylessConfigurationException Configuration(string field, string message) => new(message, field);

    private static string? ReadServiceMessage(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, AkeylessJsonContext.Default.ErrorResponse);
            if (!string.IsNullOrWhiteSpace(error?.Error))
            {
                return Truncate(error.Error);
            }
        }
        catch (JsonException)
        {
            // Not the documented {"error": "..."} shape (a proxy page, for example): fall back to the text.
        }

        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxServiceMessageLength)).Trim();
        return text.Length == 0 ? null : Truncate(text);
    }

    private static string Truncate(string text) =>
        text.Length <= MaxServiceMessageLength ? text : string.Concat(text.AsSpan(0, MaxServiceMessageLength), "...");
}
