using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// Request lines and headers the emulator must survive: other methods, paths that are no command, dot segments,
/// encoded slashes, query strings, thousands of headers, a 64 KB target, idle connections. A JSON 405 on a command
/// path, the service router's plain <c>404 page not found</c> elsewhere, Kestrel's own 4xx for transport abuse.
/// </summary>
public sealed class RequestLineAndHeaderEdgeTests : AbusedEmulatorTestBase
{
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
            request.Content = new StringContent($$"""{"name":"{{Stored}}","value":"changed","token":"{{Client.Token}}"}""", Encoding.UTF8, "application/json");
        }

        using var response = await Client.Http.SendAsync(request);
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
        var r = await Client.PostRawAsync(path, "{}");

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("404 page not found", r.Text);
    }

    [Fact]
    public async Task EncodedSlashes_AreOneUnknownCommandNotAPath()
    {
        var r = await Client.PostRawAsync("api%2Fv2%2Fget-secret-value", "{}");

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
        var body = $$"""{"names":["{{Stored}}"],"token":"{{Client.Token}}"}""";
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);

        await connection.SendAsync($"POST {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        var answer = await connection.ReadAnswerAsync();

        Assert.True(200 == RawConnection.Status(answer), answer);
        Assert.Contains(StoredValue, RawConnection.Body(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10_000, 10)]
    [InlineData(1, 64 * 1024)]
    public async Task HeadersBeyondKestrelsLimits_Return431(int count, int valueLength)
    {
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);
        var headers = string.Concat(Enumerable.Range(0, count).Select(i => $"X-Edge-{i}: {new string('h', valueLength)}\r\n"));

        await connection.SendAsync($"POST /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: 2\r\n\r\n{{}}");
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 431 });
    }

    [Fact]
    public async Task ManyIdleConnections_DoNotDelayACommand()
    {
        var idle = new List<RawConnection>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                idle.Add(await RawConnection.OpenAsync(Emulator.BaseUrl));
            }

            await idle[0].SendAsync("POST /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n");

            (await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(Stored) })).AssertStatus(HttpStatusCode.OK);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Theory]
    [InlineData("huge request target", 0, 414)]
    [InlineData("chunked and Content-Length", 0, 400)]
    [InlineData("gzip transfer coding", 0, 400)]
    public async Task TransportOddities_GetKestrelsAnswerOrAClosedConnection(string name, int first, int second)
    {
        var request = name == "huge request target"
            ? $"POST /get-secret-value?{new string('q', 64 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{{}}"
            : name == "gzip transfer coding"
                ? "POST /get-secret-value HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"
                : "POST /get-secret-value HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n";
        using var connection = await RawConnection.OpenAsync(Emulator.BaseUrl);

        await connection.SendAsync(request);
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { first, second });
    }
}
