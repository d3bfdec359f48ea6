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

    [Fact]
    public async Task WindowEndingBeforeTheFirstToken_BatchKeepsTakingReadsUntilTheTokenArrives()
    {
        _emulator.Faults.AddLatency("auth", TimeSpan.FromMilliseconds(300));
        using var client = Client();
        var window = new AkeylessCacheOptions().BatchWindow;

        var early = Paths.Take(60).Select(p => client.GetSecretAsync(p).AsTask()).ToArray();
        _clock.Advance(window);
        var late = Paths.Skip(60).Take(40).Select(p => client.GetSecretAsync(p).AsTask()).ToArray();
        _clock.Advance(window);
        string[] values = await Task.WhenAll(early.Concat(late));

        Assert.Equal(Enumerable.Range(0, 100).Select(Value), values);
        Assert.Equal(1, _emulator.Counters.Get("get-secret-value"));
        Assert.Equal(1, _emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task FirstAuthenticationFailing_WhileABatchWaitsForIt_FailsEveryReadWithIt_AndIsNotRepeated()
    {
        _emulator.Faults.AddLatency("auth", TimeSpan.FromMilliseconds(200));
        _emulator.Faults.FailNext("auth", 1, 401);
        using var client = Client();

        var reads = Paths.Take(10).Select(p => client.GetSecretAsync(p).AsTask()).ToArray();
        _clock.Advance(new AkeylessCacheOptions().BatchWindow);

        var failures = new List<Exception>();
        foreach (var read in reads)
        {
            failures.Add(await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => read));
        }

        Assert.All(failures, f => Assert.Same(failures[0], f));
        Assert.Equal(1, _emulator.Counters.Get("auth"));
        Assert.Equal(0, _emulator.Counters.Get("get-secret-value"));
        var retried = client.GetSecretAsync(Paths[0]).AsTask();
        _clock.Advance(new AkeylessCacheOptions().BatchWindow);
        Assert.Equal("burst-value-0", await retried);
    }

    [Fact]
    public async Task WindowEndingBeforeTheFirstToken_AReadStillEndsAtTheClientTimeout()
    {
        // Longer than the wait below: the read can only end by its own timeout.
        _emulator.Faults.AddLatency("auth", TimeSpan.FromSeconds(5));
        using var client = Client();

        var read = client.GetSecretAsync(Paths[0]).AsTask();
        _clock.Advance(new AkeylessCacheOptions().BatchWindow);
        for (int i = 0; i < 400 && _emulator.Counters.Get("auth") == 0; i++)
        {
            await Task.Delay(10);
        }

        _clock.Advance(client.Options.Timeout);

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => read.WaitAsync(TimeSpan.FromSeconds(4)));
        Assert.Equal(Paths[0], ex.Path);
        Assert.Equal(0, _emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task ZeroWindow_OnAFakeClockNobodyAdvances_ColdReadsStillComplete()
    {
        using var client = Client(TimeSpan.Zero);

        var reads = Paths.Take(3).Select(p => client.GetSecretAsync(p).AsTask()).ToArray();
        string[] values = await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 3).Select(Value), values);
    }

    private static string Value(int i) => string.Create(CultureInfo.InvariantCulture, $"burst-value-{i}");

    private AkeylessClient Client(TimeSpan? batchWindow = null) => new(
        new AkeylessClientOptions
        {
            ApiUrl = _emulator.BaseUrl.ToString(),
            AccessId = _emulator.AccessId,
            AccessKey = _emulator.AccessKey,
            Cache = new AkeylessCacheOptions { MaxBatchSize = 100, BatchWindow = batchWindow ?? new AkeylessCacheOptions().BatchWindow },
        },
        timeProvider: _clock);
}
