using System.Globalization;
using System.Text.Json;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// Many distinct paths read at once by a cold client: ⌈n / MaxBatchSize⌉ <c>get-secret-value</c> requests and one
/// <c>auth</c>, counted by the emulator. The batch window runs on a fake clock, so it ends only when the test says and
/// the counts do not depend on how fast this machine starts the reads.
/// </summary>
public sealed class ColdBurstTests : IAsyncLifetime
{
    private const int Seeded = 1050;
    private static readonly string[] Paths = Enumerable.Range(0, Seeded).Select(i => string.Create(CultureInfo.InvariantCulture, $"/burst/s{i:D4}")).ToArray();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = TestReaders.Clock();
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        var items = Paths.Select((p, i) => new { name = p, type = "static", value = Value(i) }).ToArray();
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(new { items }) });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ThousandDistinctColdReads_BatchOf100_TenRequestsAndOneAuth(bool fromManyThreads)
    {
        using var client = Client();

        var reads = new Task<string>[1000];
        if (fromManyThreads)
        {
            Parallel.For(0, reads.Length, i => reads[i] = client.GetSecretAsync(Paths[i]).AsTask());
        }
        else
        {
            for (int i = 0; i < reads.Length; i++)
            {
                reads[i] = client.GetSecretAsync(Paths[i]).AsTask();
            }
        }

        string[] values = await Task.WhenAll(reads);

        Assert.Equal(Enumerable.Range(0, 1000).Select(Value), values);
        Assert.Equal(10, _emulator.Counters.Get("get-secret-value"));
        Assert.Equal(1, _emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task ColdReadsNotFillingTheLastBatch_FullBatchesGoAtOnce_TheRestAtTheEndOfTheWindow()
    {
        using var client = Client();

        var reads = Paths.Select(p => client.GetSecretAsync(p).AsTask()).ToArray();
        await Task.WhenAll(reads.Take(1000));
        long beforeWindow = _emulator.Counters.Get("get-secret-value");
        bool restWaited = reads.Skip(1000).All(r => !r.IsCompleted);
        _clock.Advance(new AkeylessCacheOptions().BatchWindow);
        string[] values = await Task.WhenAll(reads);

        Assert.Equal(10, beforeWindow);
        Assert.True(restWaited);
        Assert.Equal(Enumerable.Range(0, Seeded).Select(Value), values);
        Assert.Equal(11, _emulator.Counters.Get("get-secret-value"));
        Assert.Equal(1, _emulator.Counters.Get("auth"));
    }

    private static string Value(int i) => string.Create(CultureInfo.InvariantCulture, $"burst-value-{i}");

    private AkeylessClient Client() => new(
        new AkeylessClientOptions
        {
            ApiUrl = _emulator.BaseUrl.ToString(),
            AccessId = _emulator.AccessId,
            AccessKey = _emulator.AccessKey,
            Cache = new AkeylessCacheOptions { MaxBatchSize = 100 },
        },
        timeProvider: _clock);
}
