using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// <c>.AddDistributedCache()</c> and <c>.AddHybridCache()</c> rely on a cache the application registers: without it the
/// host fails at start-up, naming what to register, instead of at the first secret read.
/// </summary>
public sealed class CacheRegistrationTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    public static TheoryData<string, Action<IAkeylessBuilder>, string> WithoutTheirCache => new()
    {
        { "distributed", b => b.AddDistributedCache(c => c.EncryptionKey = Key), "services.AddDistributedMemoryCache()" },
        { "hybrid", b => b.AddHybridCache(c => c.EncryptionKey = Key), "services.AddHybridCache()" },
    };

    [Theory]
    [MemberData(nameof(WithoutTheirCache))]
    public async Task HostStart_CacheNotRegistered_FailsNamingWhatToRegister(string kind, Action<IAkeylessBuilder> addCache, string registerFirst)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        addCache(builder.Services.AddAkeyless(Valid));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => host.StartAsync());

        Assert.Contains(registerFirst, ex.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(AkeylessClientOptions.SecretCache), ex.Field);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public async Task HostStart_DistributedCacheRegisteredAfterwards_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkeyless(Valid).AddDistributedCache(c => c.EncryptionKey = Key);
        builder.Services.AddDistributedMemoryCache();
        using var host = builder.Build();

        await host.StartAsync();

        Assert.IsType<DistributedSecretCache>(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AkeylessClientOptions>>().Value.SecretCache);
        await host.StopAsync();
    }

    [Fact]
    public void ResolveWithoutHost_HybridCacheNotRegistered_FailsNamingWhatToRegister()
    {
        var services = new ServiceCollection();
        services.AddAkeyless(Valid).AddHybridCache(c => c.EncryptionKey = Key);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<AkeylessConfigurationException>(() => provider.GetRequiredService<IAkeylessClient>());

        Assert.Contains("services.AddHybridCache()", ex.Message, StringComparison.Ordinal);
    }

    private static void Valid(AkeylessClientOptions options)
    {
        options.ApiUrl = "http://127.0.0.1:9";
        options.AccessId = "p-abcdefghijkl";
        options.AccessKey = "a2V5";
    }
}
