using System.Diagnostics;
using System.Net;
using System.Text;
using AkeylessSharp.Tests.Infrastructure.Wire;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// Answers only a broken or hostile server sends, written byte by byte on loopback: every read ends with a typed error
/// (or the value) within TotalRequestTimeout, retried only when asking again can help, with no credential in the message.
/// </summary>
public sealed class WireEdgeTests
{
    private const string Value = "wire-edge-value";
    private static readonly string s_answer = $$"""{"/p":"{{Value}}"}""";

    // Complete answers asked of more than once say "Connection: close": the server closes each connection after one
    // answer, and a client reusing it would lose an attempt to that race instead of to the case under test.

    /// <summary>The answer script per case, the error expected (null: the value is read), and how many requests the server may see.</summary>
    private static readonly Dictionary<string, (RawResponder Respond, Type? Expected, int MinRequests, int MaxRequests)> s_reads = new()
    {
        ["head trickled a byte per 200 ms"] = (TrickleAsync($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {s_answer.Length}\r\n\r\n{s_answer}"), typeof(AkeylessTimeoutException), 1, 3),
        ["body trickled a byte per 200 ms"] = (async (_, s, stop) =>
        {
            await RawWire.WriteAsync(s, $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {s_answer.Length}\r\n\r\n", stop);
            await TrickleAsync(s_answer)(null!, s, stop);
        }, typeof(AkeylessTimeoutException), 1, 3),
        ["closed mid-body"] = (Raw($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"/p\":"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["invalid chunk size"] = (Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["chunked without the last chunk"] = (Raw($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{s_answer.Length:x}\r\n{s_answer}\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["garbage status line"] = (Raw("HTTP/1.1 OK fine\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["not HTTP at all"] = (Raw("SSH-2.0-OpenSSH_9.6\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["HTTP/1.0 body until close"] = (Raw($"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{s_answer}"), null, 1, 1),
        ["two different Content-Lengths"] = (Raw($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {s_answer.Length}\r\nContent-Length: 3\r\n\r\n{s_answer}"), null, 1, 1),
        ["gzip that is not gzip"] = (Raw($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: {s_answer.Length}\r\n\r\n{s_answer}"), typeof(AkeylessProtocolException), 1, 1),
        ["503 whose gzip is not gzip"] = (Raw("HTTP/1.1 503 Busy\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["brotli the client did not ask for"] = (Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: br\r\nContent-Length: 4\r\n\r\n\u001b\u0003\u0000\u0000"), typeof(AkeylessProtocolException), 1, 1),
        ["200 with an empty body"] = (Answer(200, "application/json", ""), typeof(AkeylessProtocolException), 1, 1),
        ["200 with JSON null"] = (Answer(200, "application/json", "null"), typeof(AkeylessProtocolException), 1, 1),
        ["200 with a JSON array"] = (Answer(200, "application/json", "[1,2]"), typeof(AkeylessProtocolException), 1, 1),
        ["200 with a BOM"] = (Answer(200, "application/json; charset=utf-8", "\uFEFF" + s_answer), null, 1, 1),
        ["200 without a content type"] = (Answer(200, null, s_answer), null, 1, 1),
        ["200 as text/plain"] = (Answer(200, "text/plain", s_answer), typeof(AkeylessProtocolException), 1, 1),
        ["204"] = (Raw("HTTP/1.1 204 No Content\r\n\r\n"), typeof(AkeylessProtocolException), 1, 1),
        ["100 Continue then 200"] = (Raw($"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {s_answer.Length}\r\n\r\n{s_answer}"), null, 1, 1),
        ["103 Early Hints then 200"] = (Raw($"HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {s_answer.Length}\r\n\r\n{s_answer}"), null, 1, 1),
        ["101 unasked"] = (Raw("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"), typeof(AkeylessException), 1, 3),
        ["status 299"] = (Answer(299, "application/json", s_answer), null, 1, 1),
        ["status 600"] = (Answer(600, "application/json", """{"error":"from the future"}"""), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["302 without Location"] = (Answer(302, null, ""), typeof(AkeylessEndpointException), 1, 1),
        ["401 HTML page"] = (Answer(401, "text/html", "<html>login</html>"), typeof(AkeylessException), 1, 2),
        ["403 HTML page"] = (Answer(403, "text/html", "<html>denied</html>"), typeof(AkeylessEndpointException), 1, 1),
        ["429 HTML page"] = (Answer(429, "text/html", "<html>slow down</html>"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["429 Retry-After of 63 years"] = (Raw("HTTP/1.1 429 Slow\r\nRetry-After: 2000000000\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 1, 1),
        ["429 Retry-After beyond a 32-bit number"] = (Raw("HTTP/1.1 429 Slow\r\nRetry-After: 9999999999\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["429 Retry-After negative"] = (Raw("HTTP/1.1 429 Slow\r\nRetry-After: -5\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["429 Retry-After garbage"] = (Raw("HTTP/1.1 429 Slow\r\nRetry-After: soon\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["503 Retry-After a date long past"] = (Raw("HTTP/1.1 503 Busy\r\nRetry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["500 with a 1 MB body"] = (Answer(500, "text/plain", new string('e', 1024 * 1024)), typeof(AkeylessServiceUnavailableException), 3, 3),
        ["headers beyond 64 KB"] = (Raw($"HTTP/1.1 200 OK\r\n{string.Concat(Enumerable.Range(0, 10_000).Select(i => $"X-H{i}: v\r\n"))}Content-Length: 0\r\n\r\n"), typeof(AkeylessProtocolException), 1, 1),
    };

    public static TheoryData<string> ReadCases => new(s_reads.Keys);

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task Read_BrokenAnswer_EndsTypedInTimeWithoutCredentials(string name)
    {
        var (respond, expected, minRequests, maxRequests) = s_reads[name];
        await using var server = new RawHttpServer(respond);
        using var client = server.Client();
        var watch = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(async () => Assert.Equal(Value, await client.GetSecretAsync("/p")));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            var ex = Assert.IsAssignableFrom<AkeylessException>(error);
            Assert.IsAssignableFrom(expected, ex);
            Assert.Equal("get-secret-value", ex.Command);
            AssertNoCredential(ex);
        }

        Assert.InRange(server.Count("get-secret-value"), minRequests, maxRequests);
    }

    [Theory]
    [InlineData("closed mid-body")]
    [InlineData("invalid chunk size")]
    [InlineData("chunked without the last chunk")]
    public async Task Read_BodyBrokenAfterTheHeaders_SaysTheAnswerBrokeOffNotThatTheServerIsUnreachable(string name)
    {
        await using var server = new RawHttpServer(s_reads[name].Respond);
        using var client = server.Client();

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync("/p").AsTask());

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("(200) broke off before its body was complete", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not reach", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500 HTML page", 1)]
    [InlineData("closed before any answer", 1)]
    [InlineData("head trickled past the attempt timeout", 1)]
    [InlineData("closed mid-body", 1)]
    [InlineData("429", 3)]
    public async Task Write_BrokenAnswer_IsRepeatedOnlyWhenNotApplied(string name, int requests)
    {
        RawResponder respond = name switch
        {
            "500 HTML page" => Answer(500, "text/html", "<html>oops</html>"),
            "closed before any answer" => static (_, _, _) => Task.CompletedTask,
            "head trickled past the attempt timeout" => TrickleAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"),
            "closed mid-body" => Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":"),
            _ => Answer(429, "application/json", """{"error":"slow down"}"""),
        };
        await using var server = new RawHttpServer(respond);
        using var client = server.Client();

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.CreateSecretAsync("/w", "write-value"));

        Assert.Equal("create-secret", ex.Command);
        AssertNoCredential(ex);
        Assert.DoesNotContain("write-value", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(requests, server.Count("create-secret"));
    }

    private static void AssertNoCredential(AkeylessException ex)
    {
        var text = ex.ToString();
        Assert.DoesNotContain(RawHttpServer.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("raw-server-access-key", text, StringComparison.Ordinal);
        Assert.InRange(ex.Message.Length, 1, 2048);
    }

    private static RawResponder Raw(string text) => (_, stream, stop) => RawWire.WriteAsync(stream, text, stop);

    private static RawResponder Answer(int status, string? contentType, string body) =>
        (_, stream, stop) => RawWire.WriteAnswerAsync(stream, status, contentType, Encoding.UTF8.GetBytes(body), stop);

    private static RawResponder TrickleAsync(string text) => async (_, stream, stop) =>
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            await stream.WriteAsync(new[] { b }, stop);
            await Task.Delay(200, stop);
        }
    };
}
