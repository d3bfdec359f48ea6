using System.Text.Json.Nodes;
using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace AkeylessSharp.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of AkeylessSharp answers a null for a non-nullable parameter with an
/// <see cref="ArgumentNullException"/> naming it, and a blank string with nothing worse than a typed error.
/// </summary>
public sealed class ArgumentGuardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal)
    {
    };

    private readonly List<object> _created = [];
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var created in _created)
        {
            (created as IDisposable)?.Dispose();
        }

        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task EveryPublicMember_NullOrBlankArgument_FailsTyped()
    {
        var report = await new ArgumentGuard(ValueFor).RunAsync(typeof(AkeylessClient).Assembly);

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count > 40, $"only {report.Covered.Count} members covered");
    }

    private object? ValueFor(Type type, string? name)
    {
        object? value = type switch
        {
            _ when type == typeof(string) && name == "command" => "describe-item",
            _ when type == typeof(string) => EmulatorHarness.StaticPath,
            _ when type == typeof(IEnumerable<string>) => new[] { EmulatorHarness.StaticPath },
            _ when type == typeof(AkeylessClientOptions) => _harness.Options(),
            _ when type == typeof(AkeylessCacheOptions) => CacheOptions(),
            _ when type == typeof(AkeylessClient) || type == typeof(IAkeylessClient) => _harness.Client(),
            _ when type == typeof(HttpClient) => new HttpClient(),
            _ when type == typeof(IServiceCollection) => new ServiceCollection(),
            _ when type == typeof(IAkeylessBuilder) => new ServiceCollection().AddAkeyless(o => o.ApiUrl = _harness.Emulator.BaseUrl.ToString()),
            _ when type == typeof(IHealthChecksBuilder) => new ServiceCollection().AddHealthChecks(),
            _ when type == typeof(IConfiguration) || type == typeof(IConfigurationSection) => new ConfigurationBuilder().Build().GetSection("Akeyless"),
            _ when type == typeof(MemorySecretCache) || type == typeof(ISecretCache) => new MemorySecretCache(),
            _ when type == typeof(IDistributedCache) => new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
            _ when type == typeof(DistributedSecretCache) || type == typeof(IStaleSecretCache) =>
                new DistributedSecretCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), CacheOptions()),
            _ when type == typeof(JsonObject) => new JsonObject(),
            _ when type == typeof(HybridCache) => HybridCacheOf(),
            _ when type == typeof(HybridSecretCache) => new HybridSecretCache(HybridCacheOf(), CacheOptions()),
            _ when type == typeof(ISecretFetchLock) => new NoLock(),
            _ => null,
        };
        if (value is IDisposable)
        {
            _created.Add(value);
        }

        return value;
    }

    private HybridCache HybridCacheOf()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        var provider = services.BuildServiceProvider();
        _created.Add(provider);
        return provider.GetRequiredService<HybridCache>();
    }

    private static AkeylessCacheOptions CacheOptions() => new() { EncryptionKey = Convert.ToBase64String(new byte[32]) };

    // A lock that only takes the interface's default members, so they are called as every implementation inherits them.
    private sealed class NoLock : ISecretFetchLock
    {
        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IAsyncDisposable?>(null);
    }
}
