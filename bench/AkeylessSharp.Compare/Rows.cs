using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using AkeylessSharp.Bench;
using Microsoft.Extensions.Caching.Hybrid;

namespace AkeylessSharp.Compare;

/// <summary>One thing measured: a call, and how a sequential turn of it is made.</summary>
internal abstract class Row(string name, bool isHit, bool concurrent, int turnScale = 1, bool? callsEmulator = null)
{
    public string Name { get; } = name;

    /// <summary>Completes without I/O: its concurrent callers are threads, and its thread CPU is measured.</summary>
    public bool IsHit { get; } = isHit;

    /// <summary>Whether it takes part in the concurrent phase.</summary>
    public bool Concurrent { get; } = concurrent;

    /// <summary>How many times <c>--calls</c> a sequential turn makes, so that fast rows still run for a measurable time.</summary>
    public int TurnScale { get; } = turnScale;

    /// <summary>Whether its calls reach the emulator, so that the emulator's CPU per call means something.</summary>
    public bool CallsEmulator { get; } = callsEmulator ?? !isHit;

    public abstract ValueTask<string> CallAsync();

    /// <summary>A sequential turn: <paramref name="calls"/> calls, each awaited before the next.</summary>
    public virtual async Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = await CallAsync();
        }
    }
}

/// <summary>The floor: a bare <see cref="HttpClient"/> POST of the same request, parsed with source-generated JSON.</summary>
internal sealed class FloorRow(HttpClient http, Uri uri, string token, string path) : Row("bare HttpClient + STJ source-gen (floor)", false, true)
{
    private readonly string[] _names = [path];

    public override async ValueTask<string> CallAsync()
    {
        using var content = JsonContent.Create(new GetSecretValueBody(token, false, _names), FloorJsonContext.Default.GetSecretValueBody);
        using var response = await http.PostAsync(uri, content);
        response.EnsureSuccessStatusCode();
        var values = await response.Content.ReadFromJsonAsync(FloorJsonContext.Default.DictionaryStringString);
        return values![path];
    }
}

/// <summary><c>await client.GetSecretAsync(path)</c> in an async loop: the way an application calls it.</summary>
internal sealed class ClientRow(string name, AkeylessClient client, string path, bool isHit, int turnScale = 1, bool? callsEmulator = null)
    : Row(name, isHit, true, turnScale, callsEmulator)
{
    public override ValueTask<string> CallAsync() => client.GetSecretAsync(path);

    public override async Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = await client.GetSecretAsync(path);
        }
    }
}

/// <summary>The BenchmarkDotNet shape of <c>bench/AkeylessSharp.Caching.Benchmarks</c>: <c>.Result</c> in a plain loop.</summary>
internal sealed class ResultShapeRow(AkeylessClient client, string path) : Row("memory hit, .Result in a sync loop (BDN shape)", true, false, 100)
{
    public override ValueTask<string> CallAsync() => client.GetSecretAsync(path);

    public override Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = client.GetSecretAsync(path).Result;
        }

        return Task.CompletedTask;
    }
}

/// <summary>A hit awaited inside the caller's own <c>async Task&lt;string&gt;</c> method, one per call (a handler's shape).</summary>
internal sealed class CallerMethodRow(AkeylessClient client, string path) : Row("memory hit, via caller's async Task<string> method", true, false, 100)
{
    public override ValueTask<string> CallAsync() => new(HandlerAsync());

    public override async Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = await HandlerAsync();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<string> HandlerAsync() => await client.GetSecretAsync(path);
}

/// <summary>The awaited loop with nothing to do: an already completed <see cref="ValueTask{T}"/> from a non-inlined call.</summary>
internal sealed class EmptyLoopRow(string value) : Row("awaited loop alone (completed ValueTask)", true, false, 100)
{
    public override ValueTask<string> CallAsync() => Completed();

    public override async Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = await Completed();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<string> Completed() => new(value);
}

/// <summary>
/// The floor of a hybrid hit: HybridCache's own L1 hit of the cached envelope, asked for exactly as
/// <c>HybridSecretCache</c> asks (its key, its read-only flags), with nothing of AkeylessSharp around it.
/// </summary>
internal sealed class HybridFloorRow(HybridCache cache, string key) : Row("  HybridCache.GetOrCreateAsync alone (its L1 hit)", true, true, 100)
{
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public override ValueTask<string> CallAsync() => Lookup();

    public override async Task RunAsync(int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            _ = await Lookup();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<string> Lookup() => cache.GetOrCreateAsync<string>(key, static _ => ValueTask.FromResult<string>(null!), ReadOnly);
}

/// <summary><c>GetSecretsAsync</c> of 100 cached paths: one call returns the dictionary of all of them.</summary>
internal sealed class BatchHitRow(string cache, AkeylessClient client, string[] paths) : Row($"{cache} batch hit, GetSecretsAsync({paths.Length} paths)", true, false)
{
    public override async ValueTask<string> CallAsync() => (await client.GetSecretsAsync(paths))[paths[0]];
}

/// <summary>What a batch hit cannot avoid: the result dictionary of the same paths, built and filled.</summary>
internal sealed class BatchFloorRow(string[] paths, string value) : Row($"  result Dictionary<string,string>({paths.Length}) alone", true, false)
{
    public override ValueTask<string> CallAsync()
    {
        var result = new Dictionary<string, string>(paths.Length, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            result[path] = value;
        }

        return new(result[paths[0]]);
    }
}
