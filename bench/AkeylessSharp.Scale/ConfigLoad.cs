using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using AkeylessSharp.Bench;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Scale;

/// <summary>
/// Target 4: a whole configuration load (<c>AddAkeyless</c> + <c>Build()</c>, default options: batch 100, 4 requests
/// in flight) of N secrets of 1 KB, against its floor: bare <see cref="HttpClient"/> POSTs of the same listing
/// (<c>list-items</c>, static secrets, page by page) and the same batched <c>get-secret-value</c> requests, 4 at a time,
/// parsed with source-generated JSON into one dictionary. Both have their token already. Turns alternate, the order
/// rotating; each ratio is taken per turn.
/// </summary>
internal static class ConfigLoad
{
    private const int Concurrency = 4;

    public sealed record Result(int Secrets, IReadOnlyList<double> ProviderMs, IReadOnlyList<double> FloorMs, IReadOnlyList<double> Ratios, IReadOnlyList<double> ProviderCpuMs, IReadOnlyList<double> FloorCpuMs, IReadOnlyDictionary<string, long> ProviderRequests, IReadOnlyDictionary<string, long> FloorRequests, IReadOnlyList<(string Row, double Ms, double CpuMs)> Parts);

    public static async Task<Result> RunAsync(EmulatorProcess emulator, int secrets, int loads, int warmupLoads, int batchSize)
    {
        using var client = Clients.Uncached(emulator);
        await client.TestConnectionAsync();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = emulator.BaseUrl };
        using var auth = await http.PostAsJsonAsync("auth", new AuthBody(emulator.AccessId, emulator.AccessKey), FloorJsonContext.Default.AuthBody);
        string token = (await auth.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(FloorJsonContext.Default.AuthAnswer))!.Token;

        // Warm-up, and the request counts of one load of each.
        await emulator.ResetCountersAsync();
        Provider(client, batchSize, secrets);
        var providerRequests = await emulator.CountersAsync();
        await emulator.ResetCountersAsync();
        await FloorAsync(http, token, batchSize, secrets);
        var floorRequests = await emulator.CountersAsync();

        // Past tiered compilation of both paths: methods that run once per load reach tier 1 only after 30 calls (and
        // PGO's instrumented tier before it), so the first ~14 loads cost 2-4x a warm load's CPU, with a JIT burst near
        // the 30th.
        for (int i = 0; i < warmupLoads; i++)
        {
            Provider(client, batchSize, secrets);
            await FloorAsync(http, token, batchSize, secrets);
        }

        var provider = new List<double>();
        var floor = new List<double>();
        var ratios = new List<double>();
        var providerCpu = new List<double>();
        var floorCpu = new List<double>();
        for (int turn = 0; turn < loads; turn++)
        {
            (double Ms, double CpuMs) p, f;
            if (turn % 2 == 0)
            {
                f = await TimeAsync(() => FloorAsync(http, token, batchSize, secrets));
                p = await TimeAsync(() => { Provider(client, batchSize, secrets); return Task.CompletedTask; });
            }
            else
            {
                p = await TimeAsync(() => { Provider(client, batchSize, secrets); return Task.CompletedTask; });
                f = await TimeAsync(() => FloorAsync(http, token, batchSize, secrets));
            }

            provider.Add(p.Ms);
            floor.Add(f.Ms);
            ratios.Add(p.Ms / f.Ms);
            providerCpu.Add(p.CpuMs);
            floorCpu.Add(f.CpuMs);
        }

        // Where the provider's client CPU goes: the client's own listing and batched reads, without the provider.
        var parts = new List<(string, double, double)>();
        string[] listed = [];
        var list = await MedianOfFiveAsync(async () => listed = await ListAsync(client));
        parts.Add(("client `ListItemsAsync` alone", list.Ms, list.CpuMs));
        var read = await MedianOfFiveAsync(() => Parallel.ForEachAsync(listed.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (chunk, ct) =>
            await client.GetSecretsAsync(chunk, null, ct)));
        parts.Add(("client `GetSecretsAsync`, batches of the listed names, 4 at a time", read.Ms, read.CpuMs));
        return new Result(secrets, provider, floor, ratios, providerCpu, floorCpu, providerRequests, floorRequests, parts);
    }

    private static async Task<(double Ms, double CpuMs)> MedianOfFiveAsync(Func<Task> part)
    {
        var runs = new List<(double Ms, double CpuMs)>();
        for (int i = 0; i < 5; i++)
        {
            runs.Add(await TimeAsync(part));
        }

        return (runs.Select(r => r.Ms).Order().ElementAt(2), runs.Select(r => r.CpuMs).Order().ElementAt(2));
    }

    /// <summary>Wall time, and this process's CPU time (every thread, GC included: the client's share, not the emulator's).</summary>
    private static async Task<(double Ms, double CpuMs)> TimeAsync(Func<Task> load)
    {
        GC.Collect();
        double cpu = CpuClock.Process();
        var clock = Stopwatch.StartNew();
        await load();
        double ms = clock.Elapsed.TotalMilliseconds;
        return (ms, (CpuClock.Process() - cpu) / 1e6);
    }

    private static async Task<string[]> ListAsync(IAkeylessClient client)
    {
        var names = new List<string>();
        await foreach (var item in client.ListItemsAsync(Seed.ConfigFolder, new ListItemsOptions { Types = [AkeylessItemType.StaticSecret] }))
        {
            names.Add(item.Name);
        }

        return names.ToArray();
    }

    private static void Provider(IAkeylessClient client, int batchSize, int expected)
    {
        var root = new ConfigurationBuilder().AddAkeyless(o =>
        {
            o.Client = client;
            o.BasePaths.Add(Seed.ConfigFolder);
            o.BatchSize = batchSize;
            o.MaxConcurrentRequests = Concurrency;
        }).Build();
        // Each key looked up, not root.AsEnumerable(): walking the tree costs O(keys²) in ConfigurationRoot itself.
        for (int i = 0; i < expected; i++)
        {
            string key = Seed.ConfigPath(i)[(Seed.ConfigFolder.Length + 1)..];
            if (root[key] is not { Length: Seed.ConfigValueLength })
            {
                throw new InvalidOperationException($"The provider did not load the key '{key}'.");
            }
        }

        ((IDisposable)root).Dispose();
    }

    private static async Task FloorAsync(HttpClient http, string token, int batchSize, int expected)
    {
        var names = new List<string>();
        string? page = null;
        do
        {
            using var list = await http.PostAsJsonAsync("list-items", new ListItemsBody(token, Seed.ConfigFolder, ["static-secret"], "disabled", page), ListItemsJsonContext.Default.ListItemsBody);
            var answer = (await list.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(ListItemsJsonContext.Default.ListItemsAnswer))!;
            names.AddRange(answer.Items?.Select(i => i.Name) ?? []);
            page = string.IsNullOrEmpty(answer.NextPage) || answer.NextPage == page ? null : answer.NextPage;
        }
        while (page is not null);

        var values = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(names.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (chunk, ct) =>
        {
            using var response = await http.PostAsJsonAsync("get-secret-value", new GetSecretValueBody(token, null, chunk), FloorJsonContext.Default.GetSecretValueBody, ct);
            foreach (var (name, value) in (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync(FloorJsonContext.Default.DictionaryStringString, ct))!)
            {
                values[name] = value;
            }
        });

        if (values.Count != expected)
        {
            throw new InvalidOperationException($"The floor read {values.Count} values, expected {expected}.");
        }
    }
}
