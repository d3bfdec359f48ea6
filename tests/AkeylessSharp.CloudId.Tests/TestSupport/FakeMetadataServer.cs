using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>
/// The GCE metadata server on loopback, found through <c>GCE_METADATA_HOST</c> as on Compute Engine, GKE or Cloud Run:
/// the root ping and the default service account's ID token. Also compiled into the Native AOT smoke executable.
/// </summary>
internal sealed class FakeMetadataServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<string, string> _identityToken;

    /// <summary>Starts the server; <paramref name="identityToken"/> makes the token for an audience.</summary>
    public FakeMetadataServer(Func<string, string> identityToken)
    {
        _identityToken = identityToken;
        (_listener, Host) = Listen();
        _ = ServeAsync();
    }

    /// <summary>The value for <c>GCE_METADATA_HOST</c>.</summary>
    public string Host { get; }

    /// <summary>The status of identity answers; 200 by default.</summary>
    public int IdentityStatus { get; set; } = 200;

    /// <summary>Whether answers carry <c>Metadata-Flavor: Google</c>, as a real metadata server's do.</summary>
    public bool SendsFlavorHeader { get; set; } = true;

    public int IdentityRequests { get; private set; }

    /// <summary>The audiences asked for, and whether each request carried <c>Metadata-Flavor: Google</c>.</summary>
    public List<(string Audience, bool Flavored, string Format)> Requests { get; } = [];

    public void Dispose() => _listener.Close();

    // HttpListener needs its port up front; another process may take a free one before it binds, so try a few.
    private static (HttpListener Listener, string Host) Listen()
    {
        for (int attempt = 1; ; attempt++)
        {
            string host = $"127.0.0.1:{FreePort()}";
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{host}/");
            try
            {
                listener.Start();
                return (listener, host);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            var response = context.Response;
            if (SendsFlavorHeader)
            {
                response.Headers["Metadata-Flavor"] = "Google";
            }

            string body = "";
            bool flavored = request.Headers["Metadata-Flavor"] == "Google";
            if (request.Url!.AbsolutePath == "/computeMetadata/v1/instance/service-accounts/default/identity")
            {
                IdentityRequests++;
                string audience = request.QueryString["audience"] ?? "";
                Requests.Add((audience, flavored, request.QueryString["format"] ?? ""));
                response.StatusCode = flavored ? IdentityStatus : 403;
                body = response.StatusCode == 200 ? _identityToken(audience) : "";
            }
            else if (!flavored || request.Url.AbsolutePath != "/")
            {
                response.StatusCode = flavored ? 404 : 403;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(body);
            response.ContentType = "text/plain";
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
    }
}
