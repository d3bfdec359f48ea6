using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkeylessSharp.Tests.Infrastructure.Faults;

/// <summary>
/// Another loopback origin that a redirect points at. It records every byte it receives and answers whatever request
/// it can parse with a plausible token and secret, so a client that followed the redirect would visibly use its answer.
/// </summary>
internal sealed class RedirectTarget : IAsyncDisposable
{
    public const string StolenValue = "value-from-the-redirect-target";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<byte[]> _received = new();
    private readonly Task _loop;
    private int _connections;

    public RedirectTarget()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptAsync();
    }

    public Uri BaseUrl { get; }

    /// <summary>Connections accepted, even those that sent nothing.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public long BytesReceived => _received.Sum(b => (long)b.Length);

    /// <summary>Everything received, as Latin-1 text (headers and bodies of every connection, concatenated).</summary>
    public string ReceivedText => string.Concat(_received.Select(b => Encoding.Latin1.GetString(b)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var buffer = new byte[64 * 1024];
            var length = 0;
            try
            {
                while (length < buffer.Length)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, timeout.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (IsCompleteRequest(buffer.AsSpan(0, length)))
                    {
                        var body = Encoding.ASCII.GetBytes($$"""{"token":"t-stolen","expiry":9999999999,"/app/db/password":"{{StolenValue}}"}""");
                        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                        await socket.SendAsync(head.Concat(body).ToArray(), SocketFlags.None, timeout.Token);
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                // The client dropped the connection (or sent nothing): what arrived is recorded below.
            }

            _received.Enqueue(buffer[..length]);
        }
    }

    private static bool IsCompleteRequest(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(data[..end]);
        var contentLength = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        return data.Length - end - 4 >= contentLength;
    }
}
