using System.Net.Http.Headers;
using System.Text;

namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>
/// The attached service account's ID token straight from the metadata server of Compute Engine, GKE, Cloud Run and Cloud
/// Functions: the Native AOT path, where Google.Apis.Auth cannot parse its answers (it reads them with Newtonsoft.Json's
/// reflection). One GET with the <c>Metadata-Flavor: Google</c> header, as Google's libraries send it; no credential leaves
/// the process. The host is <c>GCE_METADATA_HOST</c> when set (<see cref="MetadataHost"/>), as in Google's libraries.
/// </summary>
internal static class MetadataServerIdToken
{
    /// <summary>The largest answer read; an ID token is about 1 KB, so anything near this is not one.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    // The metadata server is local to the VM; a host that does not answer in seconds is not one.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    // No redirects: a metadata server never sends one, and the token must come from the host that was configured.
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3), UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Gets an ID token for <paramref name="audience"/> in the full format (with the account's email).</summary>
    /// <exception cref="AkeylessCloudIdException">The metadata server was not reachable or did not issue a token.</exception>
    public static async Task<string> GetAsync(string host, string audience, CancellationToken cancellationToken)
    {
        var uri = new Uri($"http://{host}/computeMetadata/v1/instance/service-accounts/default/identity?audience={Uri.EscapeDataString(audience)}&format=full");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Metadata-Flavor", "Google");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            using var response = await s_http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            bool flavored = IsFromMetadataServer(response.Headers);
            if (!response.IsSuccessStatusCode || !flavored)
            {
                throw GcpCloudIdErrors.MetadataServerRefused(host, audience, (int)response.StatusCode, flavored);
            }

            var token = await ReadBoundedAsync(response.Content, host, timeout.Token).ConfigureAwait(false);
            return token.Length == 0 || IsJwt(token) ? token : throw GcpCloudIdErrors.MetadataServerAnswerNotAToken(host);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw GcpCloudIdErrors.MetadataServerUnreachable(host, ex, $"no answer within {s_timeout.TotalSeconds:0} seconds");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw GcpCloudIdErrors.MetadataServerUnreachable(host, ex, ex.Message.Trim());
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, string host, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw GcpCloudIdErrors.MetadataServerAnswerTooLarge(host, MaxAnswerBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxAnswerBytes + 1];
            int read = 0, last;
            while (read < buffer.Length && (last = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += last;
            }

            return read > MaxAnswerBytes
                ? throw GcpCloudIdErrors.MetadataServerAnswerTooLarge(host, MaxAnswerBytes)
                : Encoding.UTF8.GetString(buffer, 0, read).Trim();
        }
    }

    // header.payload.signature, each base64url: enough to tell a token from an error page without parsing it.
    private static bool IsJwt(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '='));
    }

    private static bool IsFromMetadataServer(HttpResponseHeaders headers) =>
        headers.TryGetValues("Metadata-Flavor", out var values) && values.Contains("Google", StringComparer.Ordinal);
}
