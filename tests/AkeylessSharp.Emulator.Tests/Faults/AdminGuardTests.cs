using System.Net;
using System.Net.Http.Json;
using System.Text;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Faults;

/// <summary>The admin API refuses what a web page could send, and validates every fault value.</summary>
public sealed class AdminGuardTests : EmulatorTestBase
{
    private HttpClient Bare() => new() { BaseAddress = Emulator.BaseUrl };

    [Fact]
    public async Task TextPlainPost_FromForeignOrigin_IsRefusedAndInjectsNothing()
    {
        using var http = Bare();
        using var request = new HttpRequestMessage(HttpMethod.Post, "__emulator/faults")
        {
            Content = new StringContent("{\"command\":\"*\",\"count\":5,\"status\":503}", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        (await Client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostWithoutCustomHeader_Returns403()
    {
        using var http = Bare();

        using var response = await http.PostAsJsonAsync("__emulator/faults", new { command = "*", count = 1, status = 503 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Akeyless-Emulator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithHeaderButTextPlain_Returns415()
    {
        using var content = new StringContent("{\"command\":\"*\",\"count\":1}", Encoding.UTF8, "text/plain");

        using var response = await Client.Http.PostAsync("__emulator/faults", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"command\":\"list-items\",\"count\":1,\"status\":204}", "status")]
    [InlineData("{\"command\":\"list-items\",\"count\":1,\"status\":101}", "status")]
    [InlineData("{\"command\":\"list-items\",\"latencyMs\":5000000000}", "latencyMs")]
    [InlineData("{\"command\":\"list-items\",\"latencyMs\":9223372036854775807}", "latencyMs")]
    [InlineData("{\"command\":\"list-items\",\"count\":1,\"retryAfterSeconds\":9223372036854775807}", "retryAfterSeconds")]
    [InlineData("{\"command\":\"no-such-command\",\"count\":1}", "command")]
    [InlineData("{\"command\":\"list-items\",\"count\":-1}", "count")]
    [InlineData("{\"command\":\"list-items\",\"fraction\":2}", "fraction")]
    public async Task InvalidFaultValues_Return400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Client.Http.PostAsync("__emulator/faults", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Contains(field, text, StringComparison.Ordinal);
        (await Client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public void InProcess_StatusOutsideErrorRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.FailNext("list-items", 1, 204));
        Assert.Throws<ArgumentException>(() => Emulator.Faults.FailNext("not-a-command", 1, 503));
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.AddLatency("*", TimeSpan.FromHours(1)));
    }
}

/// <summary>With an admin token, every admin request but health needs it; a non-loopback bind needs one.</summary>
public sealed class AdminTokenTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new() { AdminToken = "s3cret-admin" };

    [Fact]
    public async Task AdminToken_RequiredOnAdminApi()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        using var without = await http.GetAsync("__emulator/counters");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await http.GetAsync("__emulator/counters");
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret-admin");
        using var right = await http.GetAsync("__emulator/counters");
        using var health = await new HttpClient { BaseAddress = Emulator.BaseUrl }.GetAsync("__emulator/health");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public async Task NonLoopbackUrl_WithoutAdminToken_FailsNamingTheOptionsProperty(string urls)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { Urls = urls }));

        // A library caller has no command line: the property, not the tools' flag.
        Assert.Contains("AkeylessEmulatorOptions.AdminToken", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--admin-token", e.Message, StringComparison.Ordinal);
    }

    // HTTP trims a header value and carries ASCII only: such a token could never be sent, locking the admin API for good.
    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("p\u00e4ssword")]
    [InlineData("line\nbreak")]
    public async Task AdminToken_NoAuthorizationHeaderCanCarry_FailsStartNamingTheOptionsProperty(string token)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { AdminToken = token }));

        Assert.Contains("AkeylessEmulatorOptions.AdminToken", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Length == 0 ? "\"\"" : token.Trim(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackAliasHost_WithoutAdminToken_IsRefused()
    {
        // Uri reads the host "loopback" as localhost, but Kestrel binds any name but localhost to every interface.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { Urls = "http://loopback:0" }));

        Assert.Contains("reachable from other machines", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("http://127.0.0.1:abc")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("https://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:0/base")]
    [InlineData(";")]
    public async Task MalformedUrl_EvenWithAdminToken_FailsNamingUrlsProperty(string urls)
    {
        // With a token, the exposure check passes; Kestrel then crashed on some of these, served localhost:5000 on ';',
        // and read http://127.0.0.1:abc as every interface on port 80.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { Urls = urls, AdminToken = "admin-token-for-test" }));

        Assert.Contains("AkeylessEmulatorOptions.Urls", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--urls", e.Message, StringComparison.Ordinal);
        Assert.Contains("http://HOST:PORT", e.Message, StringComparison.Ordinal);
    }
}
