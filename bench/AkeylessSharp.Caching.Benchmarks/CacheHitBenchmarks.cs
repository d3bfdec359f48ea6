using System.Security.Cryptography;
using AkeylessSharp.Caching;
using BenchmarkDotNet.Attributes;

namespace AkeylessSharp.Caching.Benchmarks;

/// <summary>
/// A cache hit of <see cref="AkeylessClient.GetSecretAsync"/> with the default memory cache (target: at most 100 ns and
/// 0 bytes), next to the bare <see cref="MemorySecretCache"/> lookup. The cache is filled up front, so Akeyless is never called.
/// </summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks
{
    private const string Path = "/bench/db/password";
    private AkeylessClient _client = null!;
    private MemorySecretCache _cache = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cache = new MemorySecretCache();
        await _cache.SetAsync(Path, "bench-secret-value", TimeSpan.FromHours(1));
        _client = new AkeylessClient(new AkeylessClientOptions
        {
            ApiUrl = "http://127.0.0.1:9", // never reached: every read is a hit
            AccessId = "p-benchmark0001",
            AccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Cache = new AkeylessCacheOptions(),
            SecretCache = _cache,
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Baseline = true, Description = "MemorySecretCache.GetAsync (hit)")]
    public string? CacheGet() => _cache.GetAsync(Path).Result;

    [Benchmark(Description = "AkeylessClient.GetSecretAsync (memory hit)")]
    public string ClientGet() => _client.GetSecretAsync(Path).Result;
}
