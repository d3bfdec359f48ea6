using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// HTTP-level abuse of the emulator: bodies too large, compressed, trickled or abandoned, other methods, odd paths and
/// query strings, thousands of headers. Each gets a 4xx (an Akeyless-shaped JSON error for whatever reaches a command
/// path, the service router's plain <c>404 page not found</c> for other paths, Kestrel's own for transport abuse), never
/// a 500, a hang or a logged error, and what was stored survives.
/// </summary>
public sealed class HttpEdgeTests : IAsyncLifetime
{
    private const string Stored = "/edge/kept";
    private readonly FakeLogCollector _logs = new();
    private AkeylessEmulator _emulator = null!;
    private EmulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            ConfigureLogging = logging => logging.AddProvider(new FakeLoggerProvider(_logs)),
        });
        _client = await EmulatorClient.ConnectAsync(_emulator);
        (await _client.PostAsync("create-secret", new JsonObject { ["name"] = Stored, ["value"] = "kept-value" })).AssertStatus(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        // Whatever a test threw at it, the emulator still answers, still holds what was stored, and logged no error.
        Assert.Equal("kept-value", (await _client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(Stored) }))
            .AssertStatus(HttpStatusCode.OK).Str(Stored));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOverTheLimit_Returns413Json(bool chunked)
    {
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {40 * 1024 * 1024}";
        await connection.SendAsync($"POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{framing}\r\n\r\n");

        // 5 MB of the announced 40 MB, past the default 4 MB limit; the answer comes without the rest.
        var block = new string(' ', 1024 * 1024);
        for (var i = 0; i < 5; i++)
        {
            await connection.SendAsync(chunked ? $"{block.Length:x}\r\n{block}\r\n" : block);
        }

        var answer = await connection.ReadAnswerAsync();

        Assert.Equal(413, RawConnection.Status(answer));
        Assert.Contains("MaxRequestBodyBytes", RawConnection.Body(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task CompressedBody_Returns4xxJsonNamingTheEncoding(string encoding)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"name":"/edge/zipped","value":"v","token":"{{_client.Token}}"}""");
        var compressed = new MemoryStream();
        await using (Stream zip = encoding == "gzip" ? new GZipStream(compressed, CompressionMode.Compress, true)
            : encoding == "deflate" ? new ZLibStream(compressed, CompressionMode.Compress, true) : new BrotliStream(compressed, CompressionMode.Compress, true))
        {
            await zip.WriteAsync(json);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add(encoding);

        var (status, error) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "create-secret") { Content = content });

        Assert.True(HttpStatusCode.UnsupportedMediaType == status, error);
        Assert.Contains(encoding, error, StringComparison.Ordinal);
        (await _client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/zipped" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-8")]
    public async Task ContentTypeMissingOrOther_IsReadAsJson(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"names":["{{Stored}}"],"token":"{{_client.Token}}"}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await _client.Http.PostAsync("get-secret-value", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kept-value", JsonNode.Parse(await response.Content.ReadAsStringAsync())![Stored]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "get-secret-value")]
    [InlineData("PUT", "create-secret")]
    [InlineData("DELETE", "delete-item")]
    [InlineData("PATCH", "api/v2/update-secret-val")]
    [InlineData("GET", "auth")]
    public async Task OtherMethodOnACommand_Returns405JsonAllowingPost(string method, string command)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), command);
        if (method != "GET")
        {
            request.Content = new StringContent($$"""{"name":"{{Stored}}","value":"changed","token":"{{_client.Token}}"}""", Encoding.UTF8, "application/json");
        }

        using var response = await _client.Http.SendAsync(request);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["error"]?.GetValue<string>();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("POST", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no/such/path")]
    [InlineData("api/v3/get-secret-value")]
    public async Task PathThatIsNoCommand_Returns404PageNotFoundLikeTheService(string path)
    {
        var r = await _client.PostRawAsync(path, "{}");

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("404 page not found", r.Text);
    }

    [Fact]
    public async Task EncodedSlashes_AreOneUnknownCommandNotAPath()
    {
        var r = await _client.PostRawAsync("api%2Fv2%2Fget-secret-value", "{}");

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("unknown command: api%2Fv2%2Fget-secret-value", r.Error);
    }

    [Theory]
    [InlineData("/api/v2/x/../get-secret-value")]
    [InlineData("/x/%2e%2e/get-secret-value")]
    [InlineData("/get-secret-value?names=/other&token=bogus")]
    [InlineData("/api/v2/get-secret-value?")]
    public async Task DotSegmentsAndQueryStrings_ReachTheCommandWithTheBodyAlone(string target)
    {
        var body = $$"""{"names":["{{Stored}}"],"token":"{{_client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);

        await connection.SendAsync($"POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        var answer = await connection.ReadAnswerAsync();

        Assert.True(200 == RawConnection.Status(answer), answer);
        Assert.Contains("kept-value", RawConnection.Body(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyTrickledInChunks_IsReadWhole()
    {
        var body = $$"""{"name":"/edge/trickled","value":"slow","token":"{{_client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);
        await connection.SendAsync("POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");

        // 10 chunks 100 ms apart: slow, yet above Kestrel's minimum data rate, which ends a slower body itself.
        foreach (var piece in body.Chunk((body.Length / 10) + 1))
        {
            await connection.SendAsync($"{piece.Length:x}\r\n{new string(piece)}\r\n");
            await Task.Delay(100);
        }

        await connection.SendAsync("0\r\n\r\n");

        Assert.Equal(200, RawConnection.Status(await connection.ReadAnswerAsync()));
        Assert.Equal("slow", (await _client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/edge/trickled") })).Str("/edge/trickled"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClientGoneMidBody_StoresNothingAndLogsNoError(bool chunked)
    {
        var body = $$"""{"name":"/edge/abandoned","value":"half","token":"{{_client.Token}}"}""";
        using (var connection = await RawConnection.OpenAsync(_emulator.BaseUrl))
        {
            var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}";
            var half = body[..(body.Length / 2)];
            await connection.SendAsync($"POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{framing}\r\n\r\n{(chunked ? $"{half.Length:x}\r\n{half}\r\n" : half)}");
        }

        // The next request on another connection is answered, and the abandoned write left nothing behind.
        (await _client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/abandoned" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidChunkedFraming_Returns400OrCloses()
    {
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);

        await connection.SendAsync("POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 400 });
    }

    [Theory]
    [InlineData(10_000, 10)]
    [InlineData(1, 64 * 1024)]
    public async Task HeadersBeyondKestrelsLimits_Return431(int count, int valueLength)
    {
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);
        var headers = string.Concat(Enumerable.Range(0, count).Select(i => $"X-Edge-{i}: {new string('h', valueLength)}\r\n"));

        await connection.SendAsync($"POST /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: 2\r\n\r\n{{}}");
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 431 });
    }

    [Fact]
    public async Task BodySlowerThanKestrelsMinimumRate_IsEndedWithoutStoringOrLogging()
    {
        var body = $$"""{"name":"/edge/slowloris","value":"{{new string('s', 200)}}","token":"{{_client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);
        await connection.SendAsync($"POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");

        // One byte per 250 ms (4 B/s, far below Kestrel's 240 B/s after its 5 s grace); stops at 12 s or when refused.
        var sent = 0;
        for (; sent < body.Length && sent < 48; sent++)
        {
            await connection.SendAsync(body[sent].ToString());
            await Task.Delay(250);
        }

        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 408 });
        (await _client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/slowloris" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ManyIdleConnections_DoNotDelayACommand()
    {
        var idle = new List<RawConnection>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                idle.Add(await RawConnection.OpenAsync(_emulator.BaseUrl));
            }

            await idle[0].SendAsync("POST /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n");

            (await _client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(Stored) })).AssertStatus(HttpStatusCode.OK);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Theory]
    [InlineData("huge request target", 0, 414)]
    [InlineData("chunked and Content-Length", 0, 400)]
    public async Task TransportOddities_GetKestrelsAnswerOrAClosedConnection(string name, int first, int second)
    {
        var request = name == "huge request target"
            ? $"POST /get-secret-value?{new string('q', 64 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{{}}"
            : "POST /get-secret-value HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n";
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);

        await connection.SendAsync(request);
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { first, second });
    }

    [Fact]
    public async Task ExpectContinueWithTheBodySentAtOnce_IsAnswered()
    {
        var body = $$"""{"names":["{{Stored}}"],"token":"{{_client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);

        await connection.SendAsync($"POST /get-secret-value HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{body}");
        var answer = await connection.ReadAnswerAsync();

        // Kestrel may skip the 100 when the body came without waiting for it; the command's answer follows either way.
        Assert.Contains("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.Contains("kept-value", answer, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Error)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _client.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, JsonNode.Parse(text)?["error"]?.GetValue<string>() ?? $"(no JSON error: '{text}')");
        }
    }
}
