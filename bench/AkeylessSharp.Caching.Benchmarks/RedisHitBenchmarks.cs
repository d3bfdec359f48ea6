using System.Security.Cryptography;
using AkeylessSharp.Benchmarks.Shared;
using AkeylessSharp.Caching;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Benchmarks;

/// <summary>
/// A Redis hit of <see cref="AkeylessClient.GetSecretAsync"/> (decrypting the AES-GCM entry) next to its floors: a raw
/// StackExchange.Redis <c>GET</c> of a string of the same size, and the <c>IDistributedCache</c> read underneath
/// (<c>HMGET</c>). Starts its own <c>redis-server</c> on a free loopback port.
/// </summary>
[MemoryDiagnoser]
public class RedisHitBenchmarks
{
    private const string Path = "/bench/db/password";
    private RedisProcess _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private IDatabase _database = null!;
    private RedisCache _distributed = null!;
    private DistributedSecretCache _secretCache = null!;
    private AkeylessClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _redis = await RedisProcess.StartAsync();
        var configuration = _redis.Configuration;
        _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _database = _connection.GetDatabase();
        await _database.StringSetAsync("floor", new string('x', 64));

        var options = new AkeylessCacheOptions { EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), GenerationCheckInterval = TimeSpan.FromHours(1) };
        _distributed = new RedisCache(new RedisCacheOptions { ConfigurationOptions = configuration });
        _secretCache = new DistributedSecretCache(_distributed, options);
        await _secretCache.SetAsync(Path, "bench-secret-value", TimeSpan.FromHours(1));
        _client = new AkeylessClient(new AkeylessClientOptions
        {
            ApiUrl = "http://127.0.0.1:9", // never reached: every read is a hit
            AccessId = "p-benchmark0001",
            AccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Cache = options,
            SecretCache = _secretCache,
        });
        if (await _client.GetSecretAsync(Path) != "bench-secret-value")
        {
            throw new InvalidOperationException("The Redis entry did not round-trip.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _distributed.Dispose();
        await _connection.DisposeAsync();
        _redis.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw StackExchange.Redis GET (floor)")]
    public async Task<RedisValue> RawGet() => await _database.StringGetAsync("floor");

    [Benchmark(Description = "RedisCache.GetAsync (IDistributedCache, HMGET)")]
    public async Task<byte[]?> DistributedGet() => await _distributed.GetAsync("akeyless:0:" + Path);

    [Benchmark(Description = "AkeylessClient.GetSecretAsync (Redis hit, decrypt)")]
    public async Task<string> ClientGet() => await _client.GetSecretAsync(Path);
}
