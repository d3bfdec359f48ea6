using System.Net;
using System.Text.Json;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Errors.Internal;

/// <content>Classifying a non-success answer: an Akeyless error, a redirect, or something that is not the Akeyless API.</content>
internal static partial class ExceptionFactory
{
    private const int MaxServiceMessageLength = 512;

    // declinedRetryAfter: the Retry-After the retry did not wait for because it did not fit in the call's time.
    // sentBody: the JSON request, whose secrets are scrubbed from a service message that quotes it.
    public static async Task<AkeylessException> FromResponseAsync(
        HttpResponseMessage response, string command, string? path, Uri? baseUri, CancellationToken cancellationToken, TimeSpan? declinedRetryAfter = null,
        ReadOnlyMemory<byte> sentBody = default)
    {
        var status = response.StatusCode;
        if ((int)status is >= 300 and < 400)
        {
            return Redirect(baseUri, command, path, status, response.Headers.Location, response.RequestMessage?.RequestUri);
        }

        byte[]? body = null;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // The status alone still tells the caller what went wrong.
        }
        catch (IOException)
        {
            // Likewise: a body cut short on an error answer.
        }

        var errorBody = TryReadErrorBody(body);
        var isHtml = response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xhtml+xml";
        var isServiceTrouble = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        if (errorBody is null && !isServiceTrouble && (isHtml || status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
        {
            return NotTheApi(baseUri, command, path, status, isHtml ? "an HTML page" : "no Akeyless error body");
        }

        var said = errorBody ?? ReadText(body);

        // Scrubbed whole, then cut: a cut first could leave the start of a secret standing.
        var serviceMessage = said is null ? null : Truncate(EchoScrubber.Scrub(said, sentBody.Span));
        return isServiceTrouble && declinedRetryAfter is { } wait
            ? RetryAfterDeclined(status, command, path, serviceMessage, wait)
            : FromStatus(status, command, path, serviceMessage);
    }

    /// <summary>A redirect, not followed: the message names where it pointed, so the caller can fix ApiUrl.</summary>
    public static AkeylessEndpointException Redirect(Uri? baseUri, string command, string? path, HttpStatusCode? status, Uri? location, Uri? requestUri = null)
    {
        var target = location is null ? null : requestUri is null || location.IsAbsoluteUri ? location : new Uri(requestUri, location);
        var where = target is { IsAbsoluteUri: true } ? Origin(target) : "another address";
        var code = status is { } s ? $"{(int)s} " : string.Empty;
        return new AkeylessEndpointException(
            $"{Origin(baseUri)}{baseUri?.AbsolutePath} did not answer as the Akeyless API; check ApiUrl. {command} got a {code}redirect to {where}, which the client does not follow (no credential was sent there). Set ApiUrl to the address that serves the API itself.",
            status, command, path, target);
    }

    /// <summary>
    /// A redirect to another origin that the caller's <see cref="HttpClient"/> followed with the request body (a copy of the
    /// request the body could not check): the credential or token went there, and the message says so.
    /// </summary>
    public static AkeylessEndpointException RedirectFollowedWithBody(Uri? baseUri, string command, string? path, Uri target) =>
        new($"{Origin(baseUri)}{baseUri?.AbsolutePath} did not answer as the Akeyless API; check ApiUrl. {command} got a redirect to {Origin(target)}, and the HttpClient given to the client followed it with the request body: the {command} request, with its credential or API token, was sent to {Origin(target)}. Treat that credential as exposed and rotate it. Give the client an HttpClient whose primary handler does not follow redirects (AllowAutoRedirect = false), and set ApiUrl to the address that serves the API itself.",
            null, command, path, target);

    public static AkeylessEndpointException NotTheApi(Uri? baseUri, string command, string? path, HttpStatusCode status, string what) =>
        new($"{Origin(baseUri)}{baseUri?.AbsolutePath} did not answer as the Akeyless API; check ApiUrl. {command} got {(int)status} ({status}) with {what}. Use {AkeylessClientOptions.DefaultApiUrl} or a Gateway's API base such as https://gateway:8000/api/v2.",
            status, command, path);

    private static string? TryReadErrorBody(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, AkeylessJsonContext.Default.ErrorResponse);
            return string.IsNullOrWhiteSpace(error?.Error) ? null : error.Error;
        }
        catch (JsonException)
        {
            // Not the documented {"error": "..."} shape (a proxy page, for example).
            return null;
        }
    }

    private static string? ReadText(byte[]? body)
    {
        if (body is not { Length: > 0 })
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, Http.Internal.ResponseBuffer.ErrorBodyLimit)).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A dynamic secret's producer that failed behind a 200 (a Gateway's <c>{"value":"","error":"..."}</c>): its error,
    /// scrubbed of what <paramref name="sentBody"/> carried (the producer may quote an argument) and cut like a service message.
    /// </summary>
    public static AkeylessException ProducerFailed(string path, string error, ReadOnlySpan<byte> sentBody)
    {
        var said = Truncate(EchoScrubber.Scrub(error, sentBody));
        return new AkeylessException($"The producer of the dynamic secret {Quote.Of(path)} failed: {said}", command: Http.Internal.CommandCatalog.GetDynamicSecretValue, path: path, serviceMessage: said);
    }

    private static string Truncate(string text) =>
        text.Length <= MaxServiceMessageLength ? text : string.Concat(text.AsSpan(0, MaxServiceMessageLength), "...");
}
