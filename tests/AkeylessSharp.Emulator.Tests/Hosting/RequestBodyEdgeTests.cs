using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// Request bodies the emulator must survive: larger than its limit, compressed, under another content type, trickled,
/// slower than Kestrel allows, abandoned half way, badly chunked. A 4xx (JSON for whatever reaches a command, Kestrel's
/// own or a closed connection for transport abuse), never a 500, a hang or a logged error.
/// </summary>
public sealed class RequestBodyEdgeTests : AbusedEmulatorTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOverTheLimit_Returns413Json(bool chunked)
    {
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);
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
        var json = Encoding.UTF8.GetBytes($$"""{"name":"/edge/zipped","value":"v","token":"{{Client.Token}}"}""");
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
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/zipped" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-8")]
    public async Task ContentTypeMissingOrOther_IsReadAsJson(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"names":["{{Stored}}"],"token":"{{Client.Token}}"}"""));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var response = await Client.Http.PostAsync("get-secret-value", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StoredValue, JsonNode.Parse(await response.Content.ReadAsStringAsync())![Stored]!.GetValue<string>());
    }

    [Fact]
    public async Task BodyTrickledInChunks_IsReadWhole()
    {
        var body = $$"""{"name":"/edge/trickled","value":"slow","token":"{{Client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);
        await connection.SendAsync("POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");

        // 10 chunks 100 ms apart: slow, yet above Kestrel's minimum data rate, which ends a slower body itself.
        foreach (var piece in body.Chunk((body.Length / 10) + 1))
        {
            await connection.SendAsync($"{piece.Length:x}\r\n{new string(piece)}\r\n");
            await Task.Delay(100);
        }

        await connection.SendAsync("0\r\n\r\n");

        Assert.Equal(200, RawConnection.Status(await connection.ReadAnswerAsync()));
        Assert.Equal("slow", (await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/edge/trickled") })).Str("/edge/trickled"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClientGoneMidBody_StoresNothingAndLogsNoError(bool chunked)
    {
        var body = $$"""{"name":"/edge/abandoned","value":"half","token":"{{Client.Token}}"}""";
        using (var connection = await RawConnection.OpenAsync(Emulator.BaseUrl))
        {
            var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}";
            var half = body[..(body.Length / 2)];
            await connection.SendAsync($"POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{framing}\r\n\r\n{(chunked ? $"{half.Length:x}\r\n{half}\r\n" : half)}");
        }

        // The next request on another connection is answered, and the abandoned write left nothing behind.
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/abandoned" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidChunkedFraming_Returns400OrCloses()
    {
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);

        await connection.SendAsync("POST /create-secret HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 400 });
    }

    [Fact]
    public async Task BodySlowerThanKestrelsMinimumRate_IsEndedWithoutStoringOrLogging()
    {
        var body = $$"""{"name":"/edge/slowloris","value":"{{new string('s', 200)}}","token":"{{Client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);
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
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/edge/slowloris" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpectContinueWithTheBodySentAtOnce_IsAnswered()
    {
        var body = $$"""{"names":["{{Stored}}"],"token":"{{Client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);

        await connection.SendAsync($"POST /get-secret-value HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n{body}");
        var answer = await connection.ReadAnswerAsync();

        // Kestrel may skip the 100 when the body came without waiting for it; the command's answer follows either way.
        Assert.Contains("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.Contains(StoredValue, answer, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Error)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Client.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, JsonNode.Parse(text)?["error"]?.GetValue<string>() ?? $"(no JSON error: '{text}')");
        }
    }
}
