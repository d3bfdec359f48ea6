using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace AkeylessSharp.Tests.Infrastructure.Wire;

/// <summary>One request a <see cref="RawHttpServer"/> received: its command (the last path segment), headers and body.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Command => Target[(Target.LastIndexOf('/') + 1)..];

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>Writes the whole answer to one request, byte by byte if it likes; the connection is closed when it returns.</summary>
internal delegate Task RawResponder(RawRequest request, Stream connection, CancellationToken stop);

/// <summary>
/// A loopback HTTP/1.1 server whose answers the test writes as raw bytes: what no well-behaved server (the emulator, the
/// fault proxy's Kestrel) can send, such as a gzip bomb, broken chunking or a trickled status line. <c>auth</c> gets a
/// valid token unless the test answers it itself; one request per connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    public const string Token = "t-raw-server-token";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly RawResponder _respond;
    private readonly bool _answerAuth;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private readonly SslStreamCertificateContext? _tls;

    /// <param name="respond">Writes the answer to a request that is not <c>auth</c> (or is, without <paramref name="answerAuth"/>).</param>
    /// <param name="answerAuth">Whether <c>auth</c> gets a valid token without asking <paramref name="respond"/>.</param>
    /// <param name="tls">The server certificate (and the chain it sends) to serve HTTPS with; <see langword="null"/> for plain HTTP.</param>
    public RawHttpServer(RawResponder respond, bool answerAuth = true, SslStreamCertificateContext? tls = null)
    {
        _respond = respond;
        _answerAuth = answerAuth;
        _tls = tls;
        _listener.Start();
        BaseUrl = new Uri($"{(tls is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    public int Count(string command) => Requests.Count(r => r.Command == command);

    /// <summary>Options addressing this server with short timeouts and fast retries.</summary>
    public AkeylessClientOptions Options(Action<AkeylessClientOptions>? configure = null)
    {
        var options = new AkeylessClientOptions
        {
            ApiUrl = BaseUrl.ToString(),
            AccessId = "p-rawserver1",
            AccessKey = "raw-server-access-key",
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetries = 2,
            AttemptTimeout = TimeSpan.FromSeconds(2),
            TotalRequestTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    public AkeylessClient Client(Action<AkeylessClientOptions>? configure = null) => new(Options(configure));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_tls is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _tls }, _stop.Token);
                    stream = ssl;
                }

                var request = await RawWire.ReadRequestAsync(stream, _stop.Token);
                Requests.Enqueue(request);
                if (_answerAuth && request.Command == "auth")
                {
                    await RawWire.WriteJsonAsync(stream, 200, $$"""{"token":"{{Token}}","expiration":"2999-01-01T00:00:00Z"}""", _stop.Token);
                    return;
                }

                await _respond(request, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client gave up, or the test ended.
            }
        }
    }
}
