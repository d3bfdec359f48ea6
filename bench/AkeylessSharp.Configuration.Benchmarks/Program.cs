// Load tool: time a full configuration load of N secrets from an in-process emulator, with and without injected
// latency, and record the request counts. Usage: dotnet run -c Release -- [secrets=1000] [iterations=5]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AkeylessSharp;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Configuration;

var secrets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

var seed = JsonSerializer.Serialize(new
{
    items = Enumerable.Range(0, secrets).Select(i => new { name = $"/bench/s{i:D5}", type = "static", value = $"value-{i}" }).ToArray(),
});
await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed });
using var client = new AkeylessClient(new AkeylessClientOptions
{
    ApiUrl = emulator.BaseUrl.ToString(),
    AccessId = emulator.AccessId,
    AccessKey = emulator.AccessKey,
});
await client.TestConnectionAsync(); // authenticate once, outside the timings

Console.WriteLine($"{secrets} secrets, {iterations} loads per row, {Environment.ProcessorCount} cores");
Console.WriteLine("| latency per request | batch | concurrency | median load | min | max | list-items | get-secret-value |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var latency in new[] { 0, 20 })
{
    foreach (var (batch, concurrency) in new[] { (100, 4), (100, 1), (250, 4) })
    {
        emulator.Faults.Clear();
        emulator.Faults.AddLatency("*", TimeSpan.FromMilliseconds(latency));
        Load(client, batch, concurrency, secrets); // warm-up
        var times = new List<double>();
        long lists = 0, reads = 0;
        for (var i = 0; i < iterations; i++)
        {
            emulator.Counters.Reset();
            var sw = Stopwatch.StartNew();
            Load(client, batch, concurrency, secrets);
            times.Add(sw.Elapsed.TotalMilliseconds);
            lists = emulator.Counters.Get("list-items");
            reads = emulator.Counters.Get("get-secret-value");
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {latency} ms | {batch} | {concurrency} | {times[times.Count / 2]:F0} ms | {times[0]:F0} ms | {times[^1]:F0} ms | {lists} | {reads} |"));
    }
}

static void Load(IAkeylessClient client, int batch, int concurrency, int expected)
{
    var root = new ConfigurationBuilder().AddAkeyless(o =>
    {
        o.Client = client;
        o.BasePaths.Add("/bench");
        o.BatchSize = batch;
        o.MaxConcurrentRequests = concurrency;
        o.ResolveSecretReferences = false;
    }).Build();
    var count = root.AsEnumerable().Count(p => p.Value is not null);
    if (count != expected)
    {
        throw new InvalidOperationException($"Loaded {count} keys, expected {expected}.");
    }

    ((IDisposable)root).Dispose();
}
