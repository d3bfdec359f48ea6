using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
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
    private Process _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private IDatabase _database = null!;
    private RedisCache _distributed = null!;
    private DistributedSecretCache _secretCache = null!;
    private AkeylessClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        int port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it (apt-get install redis-server).");
        var configuration = new ConfigurationOptions { AbortOnConnectFail = false };
        configuration.EndPoints.Add(IPAddress.Loopback, port);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
                await _connection.GetDatabase().PingAsync();
                break;
            }
            catch (RedisConnectionException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }

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
        _redis.Kill();
        _redis.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw StackExchange.Redis GET (floor)")]
    public async Task<RedisValue> RawGet() => await _database.StringGetAsync("floor");

    [Benchmark(Description = "RedisCache.GetAsync (IDistributedCache, HMGET)")]
    public async Task<byte[]?> DistributedGet() => await _distributed.GetAsync("akeyless:0:" + Path);

    [Benchmark(Description = "AkeylessClient.GetSecretAsync (Redis hit, decrypt)")]
    public async Task<string> ClientGet() => await _client.GetSecretAsync(Path);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
