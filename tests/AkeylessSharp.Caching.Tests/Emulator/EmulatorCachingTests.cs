using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Caching.Tests.Emulator;

/// <summary>The reader over real HTTP requests to the emulator, counted by the emulator itself.</summary>
public sealed class EmulatorCachingTests : IAsyncLifetime
{
    private static readonly KeyValuePair<string, string>[] Items =
        Enumerable.Range(0, 100).Select(i => KeyValuePair.Create($"/load/secret-{i}", $"load-value-{i}")).ToArray();

    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorSource.SeedStatic(Items) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 100)]
    public async Task ThousandConcurrentColdReads_OfHundredPaths_OneAuth_BoundedRequests(bool batching, int maxRequests)
    {
        using var source = new EmulatorSource(_emulator);
        var clock = TestReaders.Clock(); // the batch window runs on this clock; HTTP runs on real time
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = batching });

        var reads = Enumerable.Range(0, 1000).Select(i => reader.GetSecretAsync(Items[i % 100].Key, false, CancellationToken.None).AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(2));
        string[] values = await Task.WhenAll(reads);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => Items[i % 100].Value), values);
        Assert.Equal(1, _emulator.Counters.Get("auth"));
        Assert.InRange(_emulator.Counters.Get("get-secret-value"), 1, maxRequests);
    }

    [Fact]
    public async Task ServerError_AfterExpiry_ServesStale_ThenRecovers()
    {
        using var source = new EmulatorSource(_emulator);
        var clock = TestReaders.Clock();
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false, MaxStale = TimeSpan.FromMinutes(10) });
        string path = Items[0].Key;
        await reader.GetSecretAsync(path, false, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(6));
        _emulator.Faults.FailNext("get-secret-value", 1, 503);
        Assert.Equal(Items[0].Value, await reader.GetSecretAsync(path, false, CancellationToken.None));

        Assert.Equal(Items[0].Value, await reader.GetSecretAsync(path, false, CancellationToken.None));
        Assert.Equal(3, _emulator.Counters.Get("get-secret-value"));

        clock.Advance(TimeSpan.FromMinutes(16));
        _emulator.Faults.FailNext("get-secret-value", 1, 503);
        await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(path, false, CancellationToken.None));
    }

    [Fact]
    public async Task MissingPath_InABatch_FailsOnlyItsCaller()
    {
        using var source = new EmulatorSource(_emulator);
        var clock = TestReaders.Clock();
        var reader = TestReaders.Create(source.FetchAsync, clock);

        var good = Items.Take(20).Select(i => reader.GetSecretAsync(i.Key, false, CancellationToken.None).AsTask()).ToArray();
        var missing = reader.GetSecretAsync("/load/does-not-exist", false, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(2));

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => missing);
        Assert.Equal(Items.Take(20).Select(i => i.Value), await Task.WhenAll(good));
    }
}
