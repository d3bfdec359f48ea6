using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.DependencyInjection;

/// <summary>
/// <c>AddAkeyless</c> called again for a client already registered (to adjust its options elsewhere in the application)
/// adds its options, not a second pipeline: retries and the attempt timeout stay as configured.
/// </summary>
public sealed class RepeatedRegistrationTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("reports")]
    public async Task AddAkeyless_TwiceForOneClient_RetriesAsMaxRetriesSays(string name)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAkeyless(name, o =>
        {
            o.ApiUrl = _harness.Emulator.BaseUrl.ToString();
            o.AccessId = _harness.Emulator.AccessId;
            o.AccessKey = _harness.Emulator.AccessKey;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });
        services.AddAkeyless(name, o => o.MaxRetries = 1);
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var client = provider.GetRequiredService<IAkeylessClientFactory>().CreateClient(name);
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 10, 503);

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(async () => await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }
}
