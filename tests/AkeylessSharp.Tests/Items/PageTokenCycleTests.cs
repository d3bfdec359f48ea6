using System.Text;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Items;

/// <summary>A service (or a proxy caching answers) that hands out page tokens in a circle: the listing stops with a typed error instead of paging for ever.</summary>
public sealed class PageTokenCycleTests : IAsyncLifetime
{
    private ProxiedEmulator _proxied = null!;

    public async Task InitializeAsync()
    {
        _proxied = await ProxiedEmulator.StartAsync();
        var answers = 0;
        _proxied.Proxy.EditAnswers("list-items", answer => answer["next_page"] = Token(Interlocked.Increment(ref answers) % 2 == 0 ? "/app/db" : "/app/config"));
    }

    public async Task DisposeAsync() => await _proxied.DisposeAsync();

    [Fact]
    public async Task ListSecretsAsync_TokensInACircle_ThrowsAProtocolError()
    {
        using var client = _proxied.Client();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var ex = await Assert.ThrowsAsync<AkeylessProtocolException>(() => client.ListSecretsAsync("/app", stop.Token));

        Assert.Contains("already read", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, _proxied.Count("list-items"));
    }

    [Fact]
    public async Task ListItemsAsync_TokensInACircle_ThrowsAProtocolError()
    {
        using var client = _proxied.Client();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<AkeylessProtocolException>(async () =>
        {
            await foreach (var item in client.ListItemsAsync("/app", cancellationToken: stop.Token))
            {
                Assert.NotNull(item.Name);
            }
        });
    }

    private static string Token(string lastName) =>
        "pg1." + Convert.ToBase64String(Encoding.UTF8.GetBytes(lastName)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
