using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The last known values behind stale-if-error, as hits from a shared cache keep them.</summary>
public sealed class StaleStoreTests
{
    private static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(10);

    [Fact]
    public void RepeatedHits_RenewTheValue_SoItStaysServableUpToMaxStaleAfterTheLastOne()
    {
        var clock = TestReaders.Clock();
        var store = new StaleStore(clock);
        store.RecordHit("/a", "v1", MaxStale);
        clock.Advance(TimeSpan.FromMinutes(8));
        store.RecordHit("/a", "v1", MaxStale);

        clock.Advance(MaxStale - TimeSpan.FromSeconds(1));
        Assert.True(store.TryGet("/a", out string? value, out var staleness));
        Assert.Equal("v1", value);
        Assert.Equal(MaxStale - TimeSpan.FromSeconds(1), staleness);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(store.TryGet("/a", out _, out _));
    }

    [Fact]
    public void AHitWithAnotherValue_ReplacesTheKnownOne()
    {
        var clock = TestReaders.Clock();
        var store = new StaleStore(clock);
        store.RecordHit("/a", "v1", MaxStale);
        clock.Advance(TimeSpan.FromMinutes(1));
        store.RecordHit("/a", "v2", MaxStale);

        Assert.True(store.TryGet("/a", out string? value, out var staleness));
        Assert.Equal("v2", value);
        Assert.Equal(TimeSpan.Zero, staleness);
    }

    [Fact]
    public void AFetchedValue_KnownFreshForItsTtl_IsNotShortenedByAHit()
    {
        var clock = TestReaders.Clock();
        var store = new StaleStore(clock);
        store.RecordFetch("/a", "v1", TimeSpan.FromMinutes(5), MaxStale);
        clock.Advance(TimeSpan.FromMinutes(1));
        store.RecordHit("/a", "v1", MaxStale);

        clock.Advance(TimeSpan.FromMinutes(4) + MaxStale - TimeSpan.FromSeconds(1));
        Assert.True(store.TryGet("/a", out _, out var staleness));
        Assert.Equal(MaxStale - TimeSpan.FromSeconds(1), staleness);
    }

    [Fact]
    public void AStreamOfHits_OfAKnownValue_AllocatesNothingWithinTheRenewInterval()
    {
        var clock = TestReaders.Clock();
        var store = new StaleStore(clock);
        store.RecordHit("/a", "v1", MaxStale);
        clock.Advance(StaleStore.RenewInterval);
        store.RecordHit("/a", "v1", MaxStale);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            store.RecordHit("/a", "v1", MaxStale);
            if (i % 100 == 0)
            {
                clock.Advance(StaleStore.RenewInterval / 20);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AHitAfterTheRenewInterval_RestartsTheStaleAllowance_AndOneWithinItDoesNot()
    {
        var clock = TestReaders.Clock();
        var store = new StaleStore(clock);
        store.RecordHit("/a", "v1", MaxStale);
        clock.Advance(StaleStore.RenewInterval / 2);
        store.RecordHit("/a", "v1", MaxStale);

        Assert.True(store.TryGet("/a", out _, out var staleness));
        Assert.Equal(StaleStore.RenewInterval / 2, staleness);

        clock.Advance(StaleStore.RenewInterval / 2);
        store.RecordHit("/a", "v1", MaxStale);

        Assert.True(store.TryGet("/a", out _, out staleness));
        Assert.Equal(TimeSpan.Zero, staleness);
    }
}
