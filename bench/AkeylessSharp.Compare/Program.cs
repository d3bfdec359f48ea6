using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AkeylessSharp;
using AkeylessSharp.Bench;
using AkeylessSharp.Caching;
using AkeylessSharp.Compare;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

// Issue 16's side-by-side table: the floor and AkeylessSharp, interleaved in one process, against the emulator on loopback.
if (CompareOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(CompareOptions.Usage);
    return 2;
}

const string SecretPath = "/bench/db/password";
const string Value = "bench-secret-value";
string[] batch = Enumerable.Range(0, 100).Select(i => $"/bench/batch/s{i:D3}").ToArray();
string batchValue = new('v', 100);
string seed = "{\"items\":[" + string.Join(",", batch.Select(p => $"{{\"name\":\"{p}\",\"type\":\"static\",\"value\":\"{batchValue}\"}}")
    .Prepend($"{{\"name\":\"{SecretPath}\",\"type\":\"static\",\"value\":\"{Value}\"}}")) + "]}";

Console.WriteLine($"AkeylessSharp.Compare: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
Console.WriteLine($"runs {options.Runs}, {options.Warmup} warm-up rounds, {options.Calls} sequential calls per turn (single-path hits ×100), {options.Callers} callers × {options.Seconds} s per concurrent phase");

await using var emulator = await EmulatorHost.StartAsync(seed, options);
Console.WriteLine($"emulator {(emulator.OutOfProcess ? "in its own process" : "in this process")} at {emulator.BaseUrl}");

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
using var auth = await http.PostAsJsonAsync(new Uri(emulator.BaseUrl, "auth"), new AuthBody(emulator.AccessId, emulator.AccessKey), FloorJsonContext.Default.AuthBody);
string token = (await auth.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(FloorJsonContext.Default.AuthAnswer))!.Token;

var cacheOptions = new AkeylessCacheOptions { StaticSecretTtl = TimeSpan.FromHours(1), EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
using var uncached = NewClient(null, null);
await using var container = new ServiceCollection().AddAkeyless(o =>
{
    o.ApiUrl = emulator.BaseUrl.ToString();
    o.AccessId = emulator.AccessId;
    o.AccessKey = emulator.AccessKey;
}).Services.BuildServiceProvider();
var viaDi = container.GetRequiredService<AkeylessClient>();
using var memory = NewClient(cacheOptions, null);
await using var services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
var hybridCache = services.GetRequiredService<HybridCache>();
using var hybrid = NewClient(cacheOptions, new HybridSecretCache(hybridCache, cacheOptions));
var redisCacheOptions = new AkeylessCacheOptions { StaticSecretTtl = TimeSpan.FromHours(1), EncryptionKey = cacheOptions.EncryptionKey, GenerationCheckInterval = TimeSpan.FromHours(1) };
using var redis = options.Redis ? await RedisHit.StartAsync(redisCacheOptions, NewClient) : null;
Console.WriteLine(redis is null ? "no Redis row (--no-redis, or redis-server is not installed)" : "redis-server started on loopback");
await memory.GetSecretsAsync(batch.Append(SecretPath));
await hybrid.GetSecretsAsync(batch.Append(SecretPath));
if (redis is not null)
{
    await redis.Client.GetSecretAsync(SecretPath);
}

Row[] rows =
[
    new FloorRow(http, new Uri(emulator.BaseUrl, "get-secret-value"), token, SecretPath),
    new ClientRow("AkeylessSharp uncached GetSecretAsync", uncached, SecretPath, isHit: false),
    new ClientRow("AkeylessSharp uncached, DI client (AddAkeyless)", viaDi, SecretPath, isHit: false),
    new ClientRow("memory hit, await in async loop", memory, SecretPath, isHit: true, turnScale: 100),
    new ClientRow("hybrid hit, await in async loop", hybrid, SecretPath, isHit: true, turnScale: 100),
    new HybridFloorRow(hybridCache, cacheOptions.KeyPrefix + SecretPath),
    .. (redis is null ? Array.Empty<Row>() : [new ClientRow("Redis hit (loopback), await in async loop", redis.Client, SecretPath, isHit: false, callsEmulator: false)]),
    new ResultShapeRow(memory, SecretPath),
    new CallerMethodRow(memory, SecretPath),
    new EmptyLoopRow(Value),
    new BatchHitRow("memory", memory, batch),
    new BatchHitRow("hybrid", hybrid, batch),
    new BatchFloorRow(batch, batchValue),
];

foreach (var row in rows)
{
    string read = await row.CallAsync();
    // HybridCache alone hands back the encrypted envelope, never the value.
    if (row is HybridFloorRow ? string.IsNullOrEmpty(read) || read.Contains(Value, StringComparison.Ordinal) : read != (row is BatchHitRow or BatchFloorRow ? batchValue : Value))
    {
        throw new InvalidOperationException($"{row.Name} did not read the seeded value.");
    }
}

// Warm-up: enough calls for tiered compilation to settle (twice, with a pause for the background compiler).
for (int round = 0; round < options.Warmup; round++)
{
    foreach (var row in rows)
    {
        await row.RunAsync(Turn(row) / 2);
    }

    await Task.Delay(500);
}

var runs = new List<Sample[]>();
for (int run = 0; run < options.Runs; run++)
{
    var samples = rows.Select(_ => new Sample()).ToArray();
    foreach (int r in Rotated(rows.Length, run))
    {
        await Measure.SequentialAsync(rows[r], Turn(rows[r]), samples[r]);
    }

    foreach (int r in Rotated(rows.Length, run).Where(r => rows[r].Concurrent))
    {
        await Measure.ConcurrentAsync(rows[r], options.Callers, TimeSpan.FromSeconds(options.Seconds), emulator, samples[r]);
    }

    runs.Add(samples);
    Console.WriteLine($"run {run + 1}/{options.Runs} done, load average {LoadAverage()}");
}

Report.Print(rows, runs, emulator.OutOfProcess, options.Callers);
return 0;

AkeylessClient NewClient(AkeylessCacheOptions? cache, ISecretCache? secretCache) => new(new AkeylessClientOptions
{
    ApiUrl = emulator.BaseUrl.ToString(),
    AccessId = emulator.AccessId,
    AccessKey = emulator.AccessKey,
    Cache = cache,
    SecretCache = secretCache,
});

int Turn(Row row) => options.Calls * row.TurnScale;

static IEnumerable<int> Rotated(int count, int run) => Enumerable.Range(0, count).Select(i => (i + run) % count);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
