using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.DependencyInjection;

/// <summary>
/// The application's <c>ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler())</c> (as Aspire's service
/// defaults write it) does not wrap the Akeyless client's own pipeline: its retry settings and its rule never to
/// replay a write hold.
/// </summary>
public sealed class HttpClientDefaultsTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddAkeyless_WithAStandardResilienceHandlerForEveryClient_AWriteThatFailsIsNotReplayed(bool defaultsFirst)
    {
        using var provider = Build(defaultsFirst);
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("create-secret", 1, 503);

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.CreateSecretAsync("/app/new-secret", "v"));

        Assert.Equal(1, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddAkeyless_WithAStandardResilienceHandlerForEveryClient_ReadsAreRetriedAsMaxRetriesSays(bool defaultsFirst)
    {
        using var provider = Build(defaultsFirst);
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 503);

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(async () => await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    private ServiceProvider Build(bool defaultsFirst)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        }

        services.AddAkeyless(o =>
        {
            o.ApiUrl = _harness.Emulator.BaseUrl.ToString();
            o.AccessId = _harness.Emulator.AccessId;
            o.AccessKey = _harness.Emulator.AccessKey;
            o.MaxRetries = 0;
        });
        if (!defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        }

        return services.BuildServiceProvider(validateScopes: true);
    }
}
