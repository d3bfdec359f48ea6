using System.Text;
using AkeylessSharp.Tests.Infrastructure.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// Cookies a server or a proxy in front of it sets are never sent back: clients share one connection pool, so a cookie
/// kept there would carry one client's session (a load balancer's, a login proxy's) into another client's requests.
/// </summary>
public sealed class CookieTests
{
    [Fact]
    public async Task SetCookie_IsNeverSentBack_ByThisClientOrAnother()
    {
        await using var server = new RawHttpServer((_, stream, stop) => RawWire.WriteAnswerAsync(
            stream, 200, "application/json", Encoding.UTF8.GetBytes("""{"/p":"v"}"""), stop, "Set-Cookie: session=client-a-session; Path=/\r\n"));
        using (var first = server.Client())
        {
            await first.GetSecretAsync("/p");
            await first.GetSecretAsync("/p");
        }

        using var second = server.Client(o => o.AccessKey = "another-access-key");
        await second.GetSecretAsync("/p");

        Assert.Equal(5, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Cookie"), $"{r.Command} sent {r.Headers.GetValueOrDefault("Cookie")}"));
    }

    [Fact]
    public async Task SetCookie_IsNeverSentBack_ByTheDependencyInjectionClient()
    {
        await using var server = new RawHttpServer((_, stream, stop) => RawWire.WriteAnswerAsync(
            stream, 200, "application/json", Encoding.UTF8.GetBytes("""{"/p":"v"}"""), stop, "Set-Cookie: session=di-session; Path=/\r\n"));
        var options = server.Options();
        var services = new ServiceCollection();
        services.AddAkeyless(o => { o.ApiUrl = options.ApiUrl; o.AccessId = options.AccessId; o.AccessKey = options.AccessKey; });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();

        await client.GetSecretAsync("/p");
        await client.GetSecretAsync("/p");

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Cookie")));
    }
}
