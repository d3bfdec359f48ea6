using System.Net.Http.Headers;

namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>
/// The attached service account's ID token straight from the metadata server of Compute Engine, GKE, Cloud Run and Cloud
/// Functions: the Native AOT path, where Google.Apis.Auth cannot parse its answers (it reads them with Newtonsoft.Json's
/// reflection). One GET with the <c>Metadata-Flavor: Google</c> header, as Google's libraries send it; no credential leaves
/// the process. The host is <c>GCE_METADATA_HOST</c> when set, as in Google's libraries.
/// </summary>
internal static class MetadataServerIdToken
{
    public const string DefaultHost = "metadata.google.internal";
    public const string HostVariable = "GCE_METADATA_HOST";

    // The metadata server is local to the VM; a host that does not answer in seconds is not one.
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3), UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Gets an ID token for <paramref name="audience"/> in the full format (with the account's email).</summary>
    /// <exception cref="AkeylessCloudIdException">The metadata server was not reachable or did not issue a token.</exception>
    public static async Task<string> GetAsync(string host, string audience, CancellationToken cancellationToken)
    {
        var uri = new Uri($"http://{host}/computeMetadata/v1/instance/service-accounts/default/identity?audience={Uri.EscapeDataString(audience)}&format=full");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Metadata-Flavor", "Google");
        try
        {
            using var response = await s_http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string body = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            if (!response.IsSuccessStatusCode || !IsFromMetadataServer(response.Headers))
            {
                throw GcpCloudIdErrors.MetadataServerRefused(host, audience, (int)response.StatusCode, IsFromMetadataServer(response.Headers));
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw GcpCloudIdErrors.MetadataServerUnreachable(host, ex);
        }
    }

    private static bool IsFromMetadataServer(HttpResponseHeaders headers) =>
        headers.TryGetValues("Metadata-Flavor", out var values) && values.Contains("Google", StringComparer.Ordinal);
}
