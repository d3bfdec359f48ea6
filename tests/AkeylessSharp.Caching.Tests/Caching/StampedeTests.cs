using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class StampedeTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConcurrentMisses_OnePath_ShareOneFetch(bool batching)
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = batching, BatchWindow = TimeSpan.Zero });
        source.Hold();

        var reads = Enumerable.Range(0, 100).Select(_ => reader.GetSecretAsync("/app/secret-0", refresh: false, CancellationToken.None).AsTask()).ToArray();
        source.Release();
        string[] values = await Task.WhenAll(reads);

        Assert.All(values, v => Assert.Equal("value-0", v));
        Assert.Equal(1, source.Calls);
        Assert.Equal(0, reader.InflightCount);
    }

    [Fact]
    public async Task OneCallerCancelling_DoesNotCancelTheSharedFetch()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });
        source.Hold();
        using var cancelled = new CancellationTokenSource();

        var first = reader.GetSecretAsync("/app/secret-0", false, cancelled.Token).AsTask();
        var second = reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None).AsTask();
        await cancelled.CancelAsync();
        source.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("value-0", await second);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task EveryCallerCancelling_CancelsTheSharedFetch_AndANewReadStartsAfresh()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });
        source.Hold();
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();

        var first = reader.GetSecretAsync("/app/secret-0", false, a.Token).AsTask();
        var second = reader.GetSecretAsync("/app/secret-0", false, b.Token).AsTask();
        await a.CancelAsync();
        await b.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);

        source.Release();
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
    }

    [Fact]
    public async Task FetchSupersededByAWrite_NeitherOverwritesNorEvictsTheValueReadAfterTheWrite()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        var answers = new List<TaskCompletionSource<IReadOnlyDictionary<string, string>>>();
        var reader = TestReaders.Create(HeldFetch(answers), clock, new AkeylessCacheOptions { BatchingEnabled = false }, cache);

        var before = reader.GetSecretAsync("/a", false, CancellationToken.None).AsTask();
        await reader.InvalidatePathAsync("/a"); // a write through the client
        var after = reader.GetSecretAsync("/a", false, CancellationToken.None).AsTask();
        Assert.Equal(2, answers.Count);

        answers[1].SetResult(new Dictionary<string, string> { ["/a"] = "written" });
        Assert.Equal("written", await after);
        answers[0].SetResult(new Dictionary<string, string> { ["/a"] = "from before the write" });
        Assert.Equal("from before the write", await before); // its callers came before the write

        Assert.Equal("written", await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task NotFoundOfAFetchSupersededByAWrite_DoesNotEvictTheValueReadAfterTheWrite()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        var answers = new List<TaskCompletionSource<IReadOnlyDictionary<string, string>>>();
        var reader = TestReaders.Create(HeldFetch(answers), clock, new AkeylessCacheOptions { BatchingEnabled = false }, cache);

        var before = reader.GetSecretAsync("/created", false, CancellationToken.None).AsTask();
        await reader.InvalidatePathAsync("/created"); // the create, through the client
        var after = reader.GetSecretAsync("/created", false, CancellationToken.None).AsTask();

        answers[1].SetResult(new Dictionary<string, string> { ["/created"] = "created" });
        Assert.Equal("created", await after);
        answers[0].SetResult(new Dictionary<string, string>()); // not found: it was asked before the create
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => before);

        Assert.Equal("created", await cache.GetAsync("/created"));
    }

    [Fact]
    public async Task Hit_AfterFetch_DoesNotFetchAgain_UntilTtl()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false, StaticSecretTtl = TimeSpan.FromMinutes(5) });

        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        Assert.Equal(1, source.Calls);

        clock.Advance(TimeSpan.FromMinutes(5));
        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Refresh_BypassesAndOverwritesTheCache()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));

        source.Set("/app/secret-0", "rotated");
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal("rotated", await reader.GetSecretAsync("/app/secret-0", true, CancellationToken.None));
        Assert.Equal("rotated", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Disabled_EveryReadFetches()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { Enabled = false });

        for (int i = 0; i < 3; i++)
        {
            await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        }

        Assert.Equal(3, source.Calls);
    }

    [Fact]
    public async Task MemoryHit_CompletesSynchronously_WithoutAllocating()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false });
        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        for (int i = 0; i < 100; i++)
        {
            _ = reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var hit = reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);
            Assert.True(hit.IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task GenericRead_CachesForTheTtlTheFetchReturns()
    {
        var clock = TestReaders.Clock();
        var reader = TestReaders.Create(CountingSource.WithPaths(0).FetchAsync, clock);
        int fetches = 0;
        Task<CacheableValue> Fetch(int state, CancellationToken ct)
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(new CacheableValue($"dyn-{state}", TimeSpan.FromSeconds(30), TimeSpan.Zero));
        }

        string key = SecretCacheKey.Dynamic("/db/producer", null, null);
        Assert.Equal("dyn-7", await reader.GetAsync(key, SecretKind.Dynamic, false, 7, Fetch, CancellationToken.None));
        Assert.Equal("dyn-7", await reader.GetAsync(key, SecretKind.Dynamic, false, 8, Fetch, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("dyn-9", await reader.GetAsync(key, SecretKind.Dynamic, false, 9, Fetch, CancellationToken.None));
        Assert.Equal(2, fetches);
    }

    /// <summary>A fetch whose every call waits for the test to answer it, in the order of the calls.</summary>
    private static Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> HeldFetch(List<TaskCompletionSource<IReadOnlyDictionary<string, string>>> answers) =>
        (_, _) =>
        {
            var answer = new TaskCompletionSource<IReadOnlyDictionary<string, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (answers)
            {
                answers.Add(answer);
            }

            return answer.Task;
        };
}
