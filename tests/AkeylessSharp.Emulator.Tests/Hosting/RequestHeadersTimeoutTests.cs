using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// A client that opens a connection and sends half a request header is cut off at the request-headers timeout
/// (Kestrel's 30 s), one that sends nothing at the keep-alive timeout (Kestrel's 130 s), both shortened here, instead of
/// holding the connection; the emulator keeps answering others.
/// </summary>
public sealed class RequestHeadersTimeoutTests : IAsyncLifetime
{
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { RequestHeadersTimeout = TimeSpan.FromSeconds(1), KeepAliveTimeout = TimeSpan.FromSeconds(1) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("POST /auth HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty")]
    [InlineData("POST /au")]
    [InlineData("")]
    public async Task HalfAHeaderOrNothing_ConnectionIsClosedByTheServer(string sent)
    {
        using var connection = await RawConnection.OpenAsync(_emulator.BaseUrl);
        await connection.SendAsync(sent);

        // ReadAnswerAsync gives up (and fails the test) after 15 s; Kestrel ends the connection after about 1 s.
        var answer = await connection.ReadAnswerAsync();

        Assert.Contains(RawConnection.Status(answer), new[] { 0, 408 });
        using var client = await EmulatorClient.ConnectAsync(_emulator);
        (await client.PostAsync("list-items", new JsonObject())).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public void Timeouts_DefaultToKestrels()
    {
        var options = new AkeylessEmulatorOptions();

        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestHeadersTimeout);
        Assert.Equal(TimeSpan.FromSeconds(130), options.KeepAliveTimeout);
    }
}
