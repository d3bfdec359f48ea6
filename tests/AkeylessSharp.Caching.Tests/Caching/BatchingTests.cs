using System.Diagnostics.Metrics;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class BatchingTests
{
    private static readonly string[] Paths = Enumerable.Range(0, 100).Select(i => $"/app/secret-{i}").ToArray();

    [Fact]
    public async Task ThousandConcurrentColdReads_OfHundredPaths_BatchingOn_AtMostTenBatches()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(100);
        var reader = TestReaders.Create(source.FetchAsync, clock);

        var reads = Enumerable.Range(0, 1000).Select(i => reader.GetSecretAsync(Paths[i % 100], false, CancellationToken.None).AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(2)); // ends any window still open
        string[] values = await Task.WhenAll(reads);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"value-{i % 100}"), values);
        Assert.InRange(source.Calls, 1, 10);
        Assert.Equal(100, source.CallNames.Sum(c => c.Count));
    }

    [Fact]
    public async Task ThousandConcurrentColdReads_OfHundredPaths_BatchingOff_AtMostHundredRequests()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(100);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });

        var reads = Enumerable.Range(0, 1000).Select(i => reader.GetSecretAsync(Paths[i % 100], false, CancellationToken.None).AsTask()).ToArray();
        await Task.WhenAll(reads);

        Assert.InRange(source.Calls, 1, 100);
        Assert.All(source.CallNames, names => Assert.Single(names));
    }

    [Fact]
    public async Task Window_SendsWhatArrivedWithinIt_AsOneRequest()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(3);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchWindow = TimeSpan.FromMilliseconds(5) });

        var a = reader.GetSecretAsync(Paths[0], false, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(4));
        var b = reader.GetSecretAsync(Paths[1], false, CancellationToken.None).AsTask();
        Assert.Equal(0, source.Calls);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(a, b);
        Assert.Equal(1, source.Calls);
        Assert.Equal(new[] { Paths[0], Paths[1] }, source.CallNames[0]);

        // A read after the window belongs to the next batch.
        var c = reader.GetSecretAsync(Paths[2], false, CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal("value-2", await c);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task ManyMissesInOneWindow_ShareOneWindowTimer()
    {
        var clock = new TimerCountingClock();
        var source = CountingSource.WithPaths(50);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchWindow = TimeSpan.FromMilliseconds(5) });

        var reads = Enumerable.Range(0, 50).Select(i => reader.GetSecretAsync(Paths[i], false, CancellationToken.None).AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(5));
        await Task.WhenAll(reads);

        Assert.Equal(1, source.Calls);
        Assert.Equal(1, clock.Timers);
    }

    [Fact]
    public async Task FullBatch_IsSentAtOnce_WithoutWaitingForTheWindow()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(10);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { MaxBatchSize = 5, BatchWindow = TimeSpan.FromSeconds(1) });

        var reads = Paths.Take(10).Select(p => reader.GetSecretAsync(p, false, CancellationToken.None).AsTask()).ToArray();
        await Task.WhenAll(reads);

        Assert.Equal(2, source.Calls);
        Assert.All(source.CallNames, names => Assert.Equal(5, names.Count));
    }

    [Fact]
    public async Task NotFound_InABatch_FailsOnlyThatPath()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(100);
        source.Delete(Paths[37]);
        var reader = TestReaders.Create(source.FetchAsync, clock);

        var reads = Paths.Select(p => reader.GetSecretAsync(p, false, CancellationToken.None).AsTask()).ToArray();
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => reads[37]);

        for (int i = 0; i < 100; i++)
        {
            if (i != 37)
            {
                Assert.Equal($"value-{i}", await reads[i]);
            }
        }

        // Halving isolates the missing name in about 2·log2(100) extra requests, far fewer than one per path.
        Assert.InRange(source.Calls, 2, 1 + (2 * 7));
    }

    [Fact]
    public async Task ServerError_InABatch_FailsEveryPathOfIt()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(3);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { StaleIfError = false });
        source.FailNext(1, System.Net.HttpStatusCode.ServiceUnavailable);

        var reads = Paths.Take(3).Select(p => reader.GetSecretAsync(p, false, CancellationToken.None).AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(2));

        foreach (var read in reads)
        {
            var error = await Assert.ThrowsAsync<AkeylessException>(() => read);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        }

        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task GetSecrets_SendsMissesAsOneRequest_AndServesHitsFromCache()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(10);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });
        await reader.GetSecretAsync(Paths[0], false, CancellationToken.None);

        var values = await reader.GetSecretsAsync(Paths.Take(10).Append(Paths[3]), false, CancellationToken.None);

        Assert.Equal(10, values.Count);
        Assert.Equal("value-3", values[Paths[3]]);
        Assert.Equal(2, source.Calls);
        Assert.Equal(9, source.CallNames[1].Count);
    }

    [Fact]
    public async Task BatchSizes_AreRecorded()
    {
        var clock = TestReaders.Clock();
        using var meter = new Meter("test.batching");
        using var sizes = new MetricCollector<int>(meter, "akeyless.cache.batch.size");
        var source = CountingSource.WithPaths(4);
        var reader = TestReaders.Create(source.FetchAsync, clock, meter: meter);

        var reads = Paths.Take(4).Select(p => reader.GetSecretAsync(p, false, CancellationToken.None).AsTask()).ToArray();
        clock.Advance(TimeSpan.FromMilliseconds(2));
        await Task.WhenAll(reads);

        Assert.Equal(4, Assert.Single(sizes.GetMeasurementSnapshot()).Value);
    }

    private sealed class TimerCountingClock() : FakeTimeProvider(TestReaders.Clock().GetUtcNow())
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
