using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class MemorySecretCacheTests
{
    [Fact]
    public async Task Get_BeforeTtl_ReturnsValue_AfterTtl_ReturnsNull()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        Assert.Equal("v", await cache.GetAsync("/a"));

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await cache.GetAsync("/a"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Set_Existing_Replaces_ValueAndTtl()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        await cache.SetAsync("/a", "old", TimeSpan.FromMinutes(1));
        await cache.SetAsync("/a", "new", TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("new", await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task Remove_And_Clear_Forget_Entries()
    {
        await SecretCacheContract.RemoveAndClearForgetEntriesAsync(new MemorySecretCache(TestReaders.Clock()));
    }

    [Fact]
    public async Task Get_Hit_CompletesSynchronously_WithoutAllocating()
    {
        var cache = new MemorySecretCache(TestReaders.Clock());
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(1));
        for (int i = 0; i < 100; i++)
        {
            _ = cache.GetAsync("/a");
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var hit = cache.GetAsync("/a");
            Assert.True(hit.IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Set_NonPositiveTtl_Throws()
    {
        var cache = new MemorySecretCache(TestReaders.Clock());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await cache.SetAsync("/a", "v", TimeSpan.Zero));
    }

    [Fact]
    public async Task Set_SweepsExpiredEntries_OnceAMinute()
    {
        var clock = TestReaders.Clock();
        var cache = new MemorySecretCache(clock);
        for (int i = 0; i < 10; i++)
        {
            await cache.SetAsync($"/old/{i}", "v", TimeSpan.FromSeconds(1));
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await cache.SetAsync("/new", "v", TimeSpan.FromMinutes(5));

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task OnTheSystemClock_EntriesLiveTheirTtl_InMilliseconds_AndHugeTtlsDoNotOverflow()
    {
        var cache = new MemorySecretCache(TimeProvider.System);
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        await cache.SetAsync("/forever", "v", TimeSpan.MaxValue);
        Assert.Equal("v", await cache.GetAsync("/a"));
        Assert.Equal("v", await cache.GetAsync("/forever"));

        var map = new ExpiringMap<string>(TimeProvider.System);
        long now = map.Now;
        Assert.Equal(TimeSpan.FromMinutes(5), map.Elapsed(now, map.Add(now, TimeSpan.FromMinutes(5))));
        Assert.True(map.Add(now, TimeSpan.MaxValue) > map.Add(now, TimeSpan.FromDays(36_500)));

        map.Set("/ended", "v", now);
        Assert.False(map.TryGet("/ended", out _));
    }

    [Fact]
    public void ToString_HasNoValues()
    {
        var cache = new MemorySecretCache(TestReaders.Clock());
        _ = cache.SetAsync("/a", "s3cr3t", TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("s3cr3t", cache.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToString_CountsEntries_SingularForOne()
    {
        var cache = new MemorySecretCache(TestReaders.Clock());
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(1));
        var one = cache.ToString();
        await cache.SetAsync("/b", "v", TimeSpan.FromMinutes(1));

        Assert.Equal("MemorySecretCache (1 entry)", one);
        Assert.Equal("MemorySecretCache (2 entries)", cache.ToString());
    }
}
