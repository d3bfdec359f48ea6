using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Internal;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Sends one command: <c>POST {base}/{command}</c> with a JSON body, through the resilient HTTP pipeline, and maps
/// every failure to the exception family. Knows nothing of tokens (see <see cref="AkeylessSharp.Auth.Internal.TokenManager"/>).
/// </summary>
internal sealed class AkeylessTransport
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly Func<HttpClient> _httpClient;
    private readonly BoundedMemo<Uri> _uris;

    private readonly TimeSpan _totalRequestTimeout;

    public AkeylessTransport(Func<HttpClient> httpClient, Uri baseUri, TimeSpan totalRequestTimeout)
    {
        _httpClient = httpClient;
        BaseUri = baseUri;
        _uris = new(1_000, command => new Uri(baseUri, command));
        _totalRequestTimeout = totalRequestTimeout;
    }

    public Uri BaseUri { get; }

    // idempotent: whether the command may be replayed after a 5xx or a timeout; null asks CommandCatalog.IsWrite.
    // callRemaining: what is left of the logical call's Timeout, for the retry to decline a Retry-After that cannot fit.
    // Pooled state machine: every caller awaits the result once, at once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse> SendAsync<TRequest, TResponse>(
        string command, string? path, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken, bool? idempotent = null,
        TimeSpan? callRemaining = null)
    {
        // Spans, metrics and logs belong to the logical call around this one (Diagnostics/Internal/CommandScope).
        var uri = _uris.For(command);
        var budget = callRemaining is { } left && left != Timeout.InfiniteTimeSpan && left < _totalRequestTimeout ? left : _totalRequestTimeout;
        using var request = CreateRequest(uri, body, requestInfo, idempotent ?? !CommandCatalog.IsWrite(command), budget);

        // Ours even if a caller's handler sends a copy instead (compressing or signing it): disposed here either way, and
        // at hand to scrub its secrets from an error message that quotes it.
        using var sentBody = (OriginBoundContent)request.Content!;
        HttpResponseMessage sent;
        try
        {
            // ResponseContentRead: the body is read inside HttpClient.Timeout (TotalRequestTimeout), and with this library's
            // handler already inside each attempt (ResilientSendHandler), so no read can stall past the timeouts.
            sent = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ToTransportFailure(ex, command, path) is { } failure)
        {
            throw failure;
        }

        using var response = sent;
        EnsureNotRedirected(uri, response, command, path);
        if (!response.IsSuccessStatusCode)
        {
            throw await ExceptionFactory.FromResponseAsync(response, command, path, BaseUri, cancellationToken, request.DeclinedRetryAfter, sentBody.Json).ConfigureAwait(false);
        }

        return ResponseReader.Read(response, responseInfo, BaseUri, command, path);
    }

    private static AkeylessRequestMessage CreateRequest<TRequest>(Uri uri, TRequest body, JsonTypeInfo<TRequest> requestInfo, bool idempotent, TimeSpan budget)
    {
        var content = OriginBoundContent.Create(body, requestInfo, uri);
        content.Headers.ContentType = s_json;
        var request = new AkeylessRequestMessage(HttpMethod.Post, uri) { Content = content, Budget = budget };
        content.Request = request;
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (!idempotent)
        {
            request.Options.Set(AkeylessResilience.Idempotent, false);
        }

        return request;
    }

    /// <summary>The typed error for a failed send (timeout, redirect, an answer too large, network), or <see langword="null"/> to let it through (cancellation).</summary>
    private AkeylessException? ToTransportFailure(Exception exception, string command, string? path) => exception switch
    {
        _ when AkeylessResilience.IsTimeout(exception) => ExceptionFactory.Timeout(command, path, null, exception),
        _ when FindRedirect(exception) is { } redirect => ExceptionFactory.Redirect(BaseUri, command, path, null, redirect.Location),
        ResponseTooLargeException tooLarge => ExceptionFactory.ResponseTooLarge(command, path, tooLarge.Limit, tooLarge.Status),
        HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => ExceptionFactory.InvalidResponse(command, path, $"an answer beyond a limit of the HTTP client ({exception.Message})"),
        HttpRequestException { StatusCode: { } status } => ExceptionFactory.BodyCutShort(command, path, status, exception),
        InvalidDataException => ExceptionFactory.InvalidResponse(command, path, "a compressed body that does not decompress"),
        HttpRequestException or IOException => ExceptionFactory.Network(command, path, BaseUri, exception),
        _ => null,
    };

    /// <summary>Refuses an answer that came from another address than the one asked: a caller's handler followed a redirect.</summary>
    private void EnsureNotRedirected(Uri asked, HttpResponseMessage response, string command, string? path)
    {
        // A redirecting handler rewrites RequestUri on the request it was given (or on its own copy of it).
        var answeredBy = response.RequestMessage;
        var answered = answeredBy?.RequestUri;
        if (answered is not null && !ReferenceEquals(answered, asked) && answered != asked)
        {
            // A copy of the request (a hedging handler's) keeps the body, which cannot see the copy's redirect: a
            // 307/308 to another origin then carried the body there, and the caller must know to rotate the credential.
            throw answeredBy!.Content is not null && !OriginBoundContent.SameOrigin(answered, asked)
                ? ExceptionFactory.RedirectFollowedWithBody(BaseUri, command, path, answered)
                : ExceptionFactory.Redirect(BaseUri, command, path, null, answered);
        }
    }

    private static CrossOriginRedirectException? FindRedirect(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is CrossOriginRedirectException redirect)
            {
                return redirect;
            }
        }

        return null;
    }
}
