using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>Caching switched on from configuration alone: the client section's <c>Cache</c> sub-section.</summary>
public sealed class ClientConfigurationTests : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData(null, 1)]
    [InlineData("false", 2)]
    public async Task CacheSection_TurnsTheMemoryCacheOn_UnlessDisabled(string? enabled, int expectedRequests)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Akeyless:ApiUrl"] = _fixture.Emulator.BaseUrl.ToString(),
            ["Akeyless:AccessId"] = _fixture.Emulator.AccessId,
            ["Akeyless:AccessKey"] = _fixture.Emulator.AccessKey,
            ["Akeyless:Cache:StaticSecretTtl"] = "00:10:00",
            ["Akeyless:Cache:BatchingEnabled"] = "false",
        };
        if (enabled is not null)
        {
            settings["Akeyless:Cache:Enabled"] = enabled;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddAkeyless(configuration.GetSection("Akeyless"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();

        await client.GetSecretAsync(ClientFixture.Paths[0]);
        await client.GetSecretAsync(ClientFixture.Paths[0]);
        Assert.Equal(expectedRequests, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public void InvalidCacheSection_FailsValidation_NamingTheField()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Akeyless:ApiUrl"] = _fixture.Emulator.BaseUrl.ToString(),
            ["Akeyless:AccessId"] = _fixture.Emulator.AccessId,
            ["Akeyless:AccessKey"] = _fixture.Emulator.AccessKey,
            ["Akeyless:Cache:MaxBatchSize"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddAkeyless(configuration.GetSection("Akeyless")).AddMemoryCache();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IAkeylessClient>());
        Assert.Contains("MaxBatchSize", error.Message, StringComparison.Ordinal);
    }
}
