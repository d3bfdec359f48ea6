using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AkeylessSharp;
using AkeylessSharp.Caching;
using AkeylessSharp.Benchmarks.Shared;
using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

// A fleet's cold start: N instances, each with its own Redis connections and client, all reading the same secrets at
// once from an empty shared Redis cache, with and without the fetch lock. Loopback only; bounded by its arguments.
// Usage: dotnet run -c Release --project bench/AkeylessSharp.Caching.FleetLoad -- [instances=8] [secrets=100] [latencyMs=20] [rounds=3]
int instances = Argument(0, 8);
int secrets = Argument(1, 100);
int latencyMs = Argument(2, 20);
int rounds = Argument(3, 3);

string[] paths = Enumerable.Range(0, secrets).Select(i => $"/fleet/secret-{i}").ToArray();
var items = paths.Select((p, i) => new { name = p, type = "static", value = $"value-{i}" });
await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
{
    SeedJson = JsonSerializer.Serialize(new { items }),
    ConfigureLogging = logging => logging.ClearProviders(),
});
emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromMilliseconds(latencyMs));
using var redis = await RedisProcess.StartAsync();
var adminOptions = redis.Configuration.Clone();
adminOptions.AllowAdmin = true;
await using var admin = await ConnectionMultiplexer.ConnectAsync(adminOptions);
var server = admin.GetServers()[0];

Console.WriteLine($"{instances} instances, {secrets} secrets, {latencyMs} ms per get-secret-value, median of {rounds} rounds");
Console.WriteLine();
Console.WriteLine("| reads | fetch lock | median time to all values | get-secret-value requests | values read from Akeyless | Redis commands |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (bool bulk in new[] { false, true })
{
    foreach (bool withLock in new[] { false, true })
    {
        var times = new List<double>();
        long requests = 0, reads = 0, commands = 0;
        for (int round = 0; round < rounds; round++)
        {
            (double ms, requests, reads, commands) = await ColdStartAsync(withLock, bulk);
            times.Add(ms);
        }

        times.Sort();
        Console.WriteLine($"| {(bulk ? "GetSecretsAsync (all)" : "GetSecretAsync (each)")} | {(withLock ? "on" : "off")} | {times[times.Count / 2]:F0} ms | {requests} | {reads} | {commands:N0} |");
    }
}

async Task<(double Ms, long Requests, long Reads, long Commands)> ColdStartAsync(bool withLock, bool bulk)
{
    var cacheOptions = new AkeylessCacheOptions
    {
        EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        KeyPrefix = $"fleet-{Guid.NewGuid():N}:",
        DistributedCacheTimeout = TimeSpan.FromSeconds(5),
    };
    var owned = new List<IDisposable>();
    var clients = new List<AkeylessClient>();
    for (int i = 0; i < instances; i++)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var cache = new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection) });
        owned.Add(cache);
        owned.Add(connection);
        var client = new AkeylessClient(new AkeylessClientOptions
        {
            ApiUrl = emulator.BaseUrl.ToString(),
            AccessId = emulator.AccessId,
            AccessKey = emulator.AccessKey,
            Cache = cacheOptions,
            SecretCache = new DistributedSecretCache(cache, cacheOptions),
            SecretFetchLock = withLock ? new RedisSecretFetchLock(connection, cacheOptions.KeyPrefix) : null,
        });
        await client.TestConnectionAsync();
        await cache.GetAsync("warm-up");
        clients.Add(client);
    }

    emulator.Counters.Reset();
    long commandsBefore = await RedisCommandsAsync();
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(clients.Select(client => bulk
        ? (Task)client.GetSecretsAsync(paths)
        : Task.WhenAll(paths.Select(path => client.GetSecretAsync(path).AsTask()))));
    double elapsed = watch.Elapsed.TotalMilliseconds;
    long requests = emulator.Counters.Get("get-secret-value");
    long reads = paths.Sum(emulator.Counters.ValueReads);
    long commands = await RedisCommandsAsync() - commandsBefore - 1;

    clients.ForEach(client => client.Dispose());
    owned.ForEach(resource => resource.Dispose());
    return (elapsed, requests, reads, commands);
}

// Commands the server processed so far (the INFO that asks counts itself): the fleet's whole Redis traffic, polls included.
async Task<long> RedisCommandsAsync()
{
    var stats = await server.InfoAsync("stats");
    return long.Parse(stats.SelectMany(group => group).Single(pair => pair.Key == "total_commands_processed").Value, CultureInfo.InvariantCulture);
}

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
