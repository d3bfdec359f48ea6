using AkeylessSharp.Tests.Infrastructure.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.DependencyInjection;

/// <summary>
/// Handlers an application adds to every HTTP client (Aspire's service defaults add the standard resilience handler)
/// do not wrap the Akeyless clients, whose own pipeline decides what may be sent again.
/// </summary>
public sealed class HttpClientDefaultsWriteReplayTests : IAsyncLifetime
{
    private ProxiedEmulator _env = null!;

    public async Task InitializeAsync() => _env = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task ResilienceHandlerOnEveryClient_WriteAnswerBrokenAfterServerApplied_IsNotRepeated(bool hedging, bool defaultsAfterAkeyless)
    {
        var services = new ServiceCollection();
        if (defaultsAfterAkeyless)
        {
            services.AddAkeyless(_env.ApplyTo);
        }

        services.ConfigureHttpClientDefaults(http =>
        {
            if (hedging)
            {
                http.AddStandardHedgingHandler();
            }
            else
            {
                http.AddStandardResilienceHandler();
            }
        });
        if (!defaultsAfterAkeyless)
        {
            services.AddAkeyless(_env.ApplyTo);
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();
        Assert.True((await client.TestConnectionAsync()).Success);
        _env.Proxy.Next("create-secret", FaultMode.TruncatedBody);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.CreateSecretAsync("/w/defaults", "v"));

        Assert.IsType<AkeylessServiceUnavailableException>(ex);
        Assert.Equal([200], _env.Proxy.ForwardedWrites()["/w/defaults"]);
    }
}
