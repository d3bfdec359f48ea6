using System.Globalization;
using System.Text;

namespace AkeylessSharp.Tests.Shared;

/// <summary>One HTTP/1.1 request read byte by byte from a socket, for the loopback servers that misbehave on demand.</summary>
internal sealed record RawHttpRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    private const int MaxHeadBytes = 64 * 1024;

    /// <summary>Reads the request line, the headers and a <c>Content-Length</c> body.</summary>
    /// <exception cref="IOException">The connection closed, or the head passed 64 KB, before the request ended.</exception>
    public static async Task<RawHttpRequest> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (head.Length > MaxHeadBytes || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("the connection closed before the request head ended");
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
        return new RawHttpRequest(requestLine[0], requestLine[1], headers, body);
    }
}
