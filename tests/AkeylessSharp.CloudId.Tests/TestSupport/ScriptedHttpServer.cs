using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>One request a <see cref="ScriptedHttpServer"/> received.</summary>
internal sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// What a <see cref="ScriptedHttpServer"/> answers: a status, headers and a body; or a body of <see cref="BodyBytes"/>
/// filler bytes (a huge answer); or nothing at all (<see cref="Hang"/>: a server that accepts and never answers).
/// </summary>
internal sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public bool Hang { get; init; }

    public long BodyBytes { get; init; } = -1;

    public static ScriptedResponse Never { get; } = new(0) { Hang = true };
}

/// <summary>
/// A misbehaving cloud endpoint on loopback (metadata server, IMDS, container credentials): answers each request as the
/// test scripts it, including answers no real server gives. Binds port 0, so it never races another process for a port.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedRequest, ScriptedResponse> _respond;
    private readonly CancellationTokenSource _stop = new();

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedResponse> respond)
    {
        _respond = respond;
        _listener.Start();
        Host = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _ = AcceptAsync();
    }

    /// <summary>The server's <c>host:port</c>.</summary>
    public string Host { get; }

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
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

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Requests.Enqueue(request);
                var response = _respond(request);
                if (response.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                await WriteAsync(stream, response);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up or the test ended.
            }
        }
    }

    private async Task<ScriptedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var request = await RawHttpRequest.ReadAsync(stream, _stop.Token);
        return new ScriptedRequest(request.Method, request.Target, request.Headers);
    }

    private async Task WriteAsync(NetworkStream stream, ScriptedResponse response)
    {
        byte[] body = Encoding.UTF8.GetBytes(response.Body);
        long length = response.BodyBytes >= 0 ? response.BodyBytes : body.Length;
        var head = new StringBuilder($"HTTP/1.1 {response.Status} Scripted\r\nContent-Length: {length}\r\nConnection: close\r\n");
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), _stop.Token);
        if (response.BodyBytes < 0)
        {
            await stream.WriteAsync(body, _stop.Token);
            return;
        }

        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'a');
        for (long sent = 0; sent < length; sent += filler.Length)
        {
            await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, length - sent)), _stop.Token);
        }
    }
}
