using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The keys a path is cached under besides its own (versions, JSON attributes, producer arguments), remembered for evictions.</summary>
public sealed class VariantKeysTests
{
    private const string Path = "/app/versioned";

    [Fact]
    public async Task VariantsOfEverNewVersions_AreForgottenOnceTheirEntriesHaveExpired()
    {
        var clock = TestReaders.Clock();
        var options = new AkeylessCacheOptions { BatchingEnabled = false };
        var reader = TestReaders.Create(CountingSource.WithPaths(0).FetchAsync, clock, options);
        for (int version = 1; version <= 50; version++)
        {
            await ReadVersionAsync(reader, version);
        }

        Assert.Equal(50, reader.VariantCount);
        clock.Advance(options.StaticSecretTtl + options.MaxStale + TimeSpan.FromMinutes(2));
        await ReadVersionAsync(reader, 51);

        Assert.Equal(1, reader.VariantCount);
    }

    [Fact]
    public async Task InvalidatePath_EvictsEveryLiveVariant_AndForgetsThem()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        var reader = TestReaders.Create(CountingSource.WithPaths(0).FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false }, cache);
        await ReadVersionAsync(reader, 1);
        await ReadVersionAsync(reader, 2);
        await reader.GetAsync(SecretCacheKey.Static("/app/versioned-other", 1, null), SecretKind.Static, false, reader, static (r, _) => Task.FromResult(r.Ttl.Static("other")), CancellationToken.None);

        await reader.InvalidatePathAsync(Path);

        Assert.Null(await cache.GetAsync(SecretCacheKey.Static(Path, 1, null)));
        Assert.Null(await cache.GetAsync(SecretCacheKey.Static(Path, 2, null)));
        Assert.Equal("other", await cache.GetAsync(SecretCacheKey.Static("/app/versioned-other", 1, null)));
        Assert.Equal(1, reader.VariantCount);
    }

    private static async Task ReadVersionAsync(CachingSecretReader reader, int version) =>
        Assert.Equal(
            $"value-{version}",
            await reader.GetAsync(SecretCacheKey.Static(Path, version, null), SecretKind.Static, false, (Reader: reader, Version: version), static (s, _) => Task.FromResult(s.Reader.Ttl.Static($"value-{s.Version}")), CancellationToken.None));
}
