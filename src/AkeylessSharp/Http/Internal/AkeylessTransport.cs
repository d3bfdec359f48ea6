using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Errors.Internal;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Sends one command: <c>POST {base}/{command}</c> with a JSON body, through the resilient HTTP pipeline, and maps
/// failures to the exception family. Knows nothing of tokens (see <see cref="AkeylessSharp.Auth.Internal.TokenManager"/>).
/// </summary>
internal sealed class AkeylessTransport
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly Func<HttpClient> _httpClient;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);

    public AkeylessTransport(Func<HttpClient> httpClient, Uri baseUri, ILogger logger)
    {
        _httpClient = httpClient;
        BaseUri = baseUri;
        _logger = logger;
    }

    public Uri BaseUri { get; }

    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        string command, string? path, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
    {
        // Spans, metrics and logs belong to the logical call around this one (Diagnostics/Internal/CommandScope).
        using var request = CreateRequest(command, body, requestInfo);
        using var response = await SendCoreAsync(request, command, path, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ExceptionFactory.FromResponseAsync(response, command, path, cancellationToken).ConfigureAwait(false);
        }

        return await ReadAsync(response, responseInfo, command, path, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage CreateRequest<TRequest>(string command, TRequest body, JsonTypeInfo<TRequest> requestInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestInfo));
        content.Headers.ContentType = s_json;
        var request = new HttpRequestMessage(HttpMethod.Post, _uris.GetOrAdd(command, static (c, b) => new Uri(b, c), BaseUri)) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (CommandCatalog.IsWrite(command))
        {
            request.Options.Set(AkeylessResilience.Idempotent, false);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, string command, string? path, CancellationToken cancellationToken)
    {
        try
        {
            return await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AkeylessResilience.IsTimeout(ex))
        {
            throw ExceptionFactory.Timeout(command, path, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw ExceptionFactory.Network(command, path, BaseUri, ex);
        }
    }

    private static async Task<TResponse> ReadAsync<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> info, string command, string? path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, info, cancellationToken).ConfigureAwait(false)
                    ?? throw ExceptionFactory.InvalidResponse(command, path, "an empty (null) body");
            }
        }
        catch (JsonException ex)
        {
            // The JSON exception text can quote the body, which may hold a secret: keep only its position.
            throw ExceptionFactory.InvalidResponse(command, path, $"invalid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})");
        }
    }
}
