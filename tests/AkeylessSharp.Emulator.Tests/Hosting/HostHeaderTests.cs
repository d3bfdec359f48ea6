using System.Net;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// DNS rebinding: a loopback-only emulator answers loopback host names and the names the user allowed, and refuses
/// every other <c>Host</c> with a JSON 400 before any command or admin endpoint runs.
/// </summary>
public sealed class HostHeaderTests
{
    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:8080")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("localhost.attacker.example")]
    [InlineData("10.0.0.5")]
    [InlineData("[::2]")]
    public async Task LoopbackEmulator_OtherHost_Returns400NamingTheHostAndTheSetting(string host)
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions());

        var (status, body) = await SendAsync(emulator.BaseUrl, host, "/__emulator/health");
        var (authStatus, _) = await SendAsync(emulator.BaseUrl, host, "/auth");

        Assert.Equal(400, status);
        Assert.Equal(400, authStatus);
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
        Assert.Contains(host.Split(':')[0].Trim('['), body, StringComparison.Ordinal);
        Assert.Contains("AllowedHosts", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1234")]
    [InlineData("127.5.6.7")]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:80")]
    [InlineData("localhost.")]
    [InlineData("app.localhost")]
    [InlineData("[::1]:8080")]
    public async Task LoopbackEmulator_LoopbackHost_IsAnswered(string host)
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions());

        var (status, body) = await SendAsync(emulator.BaseUrl, host, "/__emulator/health");

        Assert.True(status == 200, body);
    }

    [Theory]
    [InlineData("emulator.test")]
    [InlineData("EMULATOR.TEST:443")]
    [InlineData("a.wild.test")]
    public async Task LoopbackEmulator_AllowedHost_IsAnswered(string host)
    {
        var options = new AkeylessEmulatorOptions();
        options.AllowedHosts.Add("emulator.test");
        options.AllowedHosts.Add("*.wild.test");
        await using var emulator = await AkeylessEmulator.StartAsync(options);

        var (status, body) = await SendAsync(emulator.BaseUrl, host, "/__emulator/health");
        var (other, _) = await SendAsync(emulator.BaseUrl, "other.test", "/__emulator/health");

        Assert.True(status == 200, body);
        Assert.Equal(400, other);
    }

    [Fact]
    public async Task ExposedEmulator_AnyHost_IsAnswered()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { Urls = "http://0.0.0.0:0", AdminToken = "admin" });

        var (status, body) = await SendAsync(emulator.BaseUrl, "emulator.corp.example", "/__emulator/health");

        Assert.True(status == 200, body);
    }

    [Theory]
    [InlineData("http://x.test")]
    [InlineData("x.test:80")]
    [InlineData(" ")]
    public async Task AllowedHost_WithSchemePortOrBlank_FailsStartNamingTheSetting(string host)
    {
        var options = new AkeylessEmulatorOptions();
        options.AllowedHosts.Add(host);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(options));

        Assert.Contains("AkeylessEmulatorOptions.AllowedHosts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http10WithoutHost_IsAnswered()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions());
        using var connection = await RawConnection.OpenAsync(emulator.BaseUrl);

        await connection.SendAsync("GET /__emulator/health HTTP/1.0\r\n\r\n");
        var answer = await connection.ReadAnswerAsync();

        Assert.True(RawConnection.Status(answer) == 200, answer);
    }

    private static async Task<(int Status, string Body)> SendAsync(Uri baseUrl, string host, string path)
    {
        using var connection = await RawConnection.OpenAsync(baseUrl);
        var method = path == "/auth" ? "POST" : "GET";
        var content = method == "POST" ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n";
        await connection.SendAsync($"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{content}");
        var answer = await connection.ReadAnswerAsync();
        return (RawConnection.Status(answer), answer.Length == 0 ? string.Empty : RawConnection.Body(answer));
    }
}
