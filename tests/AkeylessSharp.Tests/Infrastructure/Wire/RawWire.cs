using System.Text;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Tests.Infrastructure.Wire;

/// <summary>Reading a request and writing answer pieces as raw HTTP/1.1 bytes, for <see cref="RawHttpServer"/> scripts.</summary>
internal static class RawWire
{
    public static async Task<RawRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var request = await RawHttpRequest.ReadAsync(stream, cancellationToken);
        return new RawRequest(request.Method, request.Target, request.Headers, request.Body);
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
