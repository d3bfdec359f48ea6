using System.Globalization;
using System.Text;

namespace AkeylessSharp.Tests.Infrastructure.Wire;

/// <summary>Reading a request and writing answer pieces as raw HTTP/1.1 bytes, for <see cref="RawHttpServer"/> scripts.</summary>
internal static class RawWire
{
    private const int MaxHeadBytes = 64 * 1024;

    public static async Task<RawRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (head.Length > MaxHeadBytes || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the request head did not end");
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = headers.TryGetValue("Content-Length", out var length) ? new byte[int.Parse(length, CultureInfo.InvariantCulture)] : [];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    public static Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();

    /// <summary>A complete answer with a <c>Content-Length</c> and <c>Connection: close</c>.</summary>
    public static Task WriteJsonAsync(Stream stream, int status, string json, CancellationToken cancellationToken) =>
        WriteAnswerAsync(stream, status, "application/json", Encoding.UTF8.GetBytes(json), cancellationToken);

    public static async Task WriteAnswerAsync(Stream stream, int status, string? contentType, byte[] body, CancellationToken cancellationToken, string extraHeaders = "")
    {
        var type = contentType is null ? string.Empty : $"Content-Type: {contentType}\r\n";
        await WriteAsync(stream, $"HTTP/1.1 {status} Raw\r\n{type}Content-Length: {body.Length}\r\nConnection: close\r\n{extraHeaders}\r\n", cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="fill"/>, 64 KB at a time, stopping when the client goes away.</summary>
    public static async Task WriteFillerAsync(Stream stream, long count, byte fill, CancellationToken cancellationToken)
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, fill);
        for (long sent = 0; sent < count; sent += block.Length)
        {
            await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, count - sent)), cancellationToken);
        }
    }

    /// <summary>Waits until the test ends: a server that sends nothing more on this connection.</summary>
    public static Task HoldAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
}
