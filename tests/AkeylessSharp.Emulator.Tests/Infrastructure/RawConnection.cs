using System.Net.Sockets;
using System.Text;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>
/// One loopback TCP connection to the emulator for requests no <see cref="HttpClient"/> sends (a trickled or abandoned
/// body, thousands of headers, an unnormalised path). Every read is bounded, so a hung request fails the test.
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private static readonly TimeSpan s_readLimit = TimeSpan.FromSeconds(15);
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(Uri baseUrl)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port);
        return new RawConnection(tcp);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        try
        {
            await _stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The server may close the connection while a hostile request is still being written; its answer tells.
        }
    }

    /// <summary>Reads until the server closes the connection or a whole answer has come; "" when it closed without one.</summary>
    public async Task<string> ReadAnswerAsync()
    {
        using var limit = new CancellationTokenSource(s_readLimit);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while (!IsComplete(received) && (read = await _stream.ReadAsync(buffer, limit.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer still leaves the answer.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    public static int Status(string answer) => answer.Length == 0 ? 0 : int.Parse(answer.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);

    public static string Body(string answer) => answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private static bool IsComplete(MemoryStream received)
    {
        var text = Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = text[..end];
        var lengthAt = head.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        if (lengthAt < 0)
        {
            return head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? text.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : false;
        }

        var lineEnd = head.IndexOf("\r\n", lengthAt, StringComparison.Ordinal);
        var length = int.Parse(head.AsSpan(lengthAt + 15, (lineEnd < 0 ? head.Length : lineEnd) - lengthAt - 15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return text.Length - end - 4 >= length;
    }
}
