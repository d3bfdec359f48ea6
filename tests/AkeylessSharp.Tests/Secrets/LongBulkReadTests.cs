using System.Globalization;
using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Secrets;

/// <summary>An uncached <see cref="AkeylessClient.GetSecretsAsync"/> of more names than one request should carry.</summary>
public sealed class LongBulkReadTests
{
    private const int Count = 1_050;

    private static readonly string[] s_names = Enumerable.Range(0, Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"/bulk/{i:D4}")).ToArray();

    private static readonly object[] s_items = Array.ConvertAll(s_names, name => (object)new { name, type = "static", value = "v" + name });

    [Fact]
    public async Task GetSecretsAsync_1050NamesWithoutCacheOptions_SplitsAt1000AndMergesEveryValue()
    {
        await using var harness = await EmulatorHarness.StartAsync(extraItems: s_items);
        using var client = harness.Client();
        await client.TestConnectionAsync();
        harness.Emulator.Counters.Reset();

        var values = await client.GetSecretsAsync(s_names);

        Assert.Equal(2, harness.Emulator.Counters.Get("get-secret-value"));
        Assert.Equal(Count, values.Count);
        Assert.All(s_names, name => Assert.Equal("v" + name, values[name]));
        Assert.All(s_names, name => Assert.Equal(1, harness.Emulator.Counters.ValueReads(name)));
    }

    [Fact]
    public async Task GetSecretsAsync_1050NamesWithCacheOff_SendsElevenRequestsOfMaxBatchSize()
    {
        await using var harness = await EmulatorHarness.StartAsync(extraItems: s_items);
        using var client = harness.Client(o => o.Cache = new AkeylessCacheOptions { Enabled = false });
        await client.TestConnectionAsync();
        harness.Emulator.Counters.Reset();

        var values = await client.GetSecretsAsync(s_names);

        Assert.Equal(11, harness.Emulator.Counters.Get("get-secret-value"));
        Assert.Equal(Count, values.Count);
        Assert.All(s_names, name => Assert.Equal("v" + name, values[name]));
    }

    [Fact]
    public async Task GetSecretsAsync_LongList_KeepsAtMostFourRequestsInFlight()
    {
        await using var proxied = await ProxiedEmulator.StartAsync(s_items);
        using var client = proxied.Client(o => o.Cache = new AkeylessCacheOptions { Enabled = false });
        await client.TestConnectionAsync();
        proxied.Proxy.Latency = TimeSpan.FromMilliseconds(200);
        proxied.Proxy.Next("get-secret-value", FaultMode.Latency, 11);

        var values = await client.GetSecretsAsync(s_names);

        Assert.Equal(Count, values.Count);
        Assert.InRange(proxied.Proxy.PeakInFlight, 2, 4);
    }

    [Fact]
    public async Task GetSecretsAsync_LongListCancelledByCaller_ThrowsCanceledAndStartsNoMoreRequests()
    {
        await using var proxied = await ProxiedEmulator.StartAsync(s_items);
        using var client = proxied.Client(o => { o.Cache = new AkeylessCacheOptions { Enabled = false }; o.TotalRequestTimeout = TimeSpan.FromSeconds(30); o.AttemptTimeout = TimeSpan.FromSeconds(30); });
        await client.TestConnectionAsync();
        proxied.Proxy.Latency = TimeSpan.FromSeconds(10);
        proxied.Proxy.Next("get-secret-value", FaultMode.Latency, 11);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretsAsync(s_names, cancellationToken: cancel.Token));

        Assert.InRange(proxied.Proxy.Injected[FaultMode.Latency], 1, 4);
        Assert.Equal(0, proxied.Count("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretsAsync_LongListWithOneMissing_ThrowsNotFoundLikeOneRequest()
    {
        await using var harness = await EmulatorHarness.StartAsync(extraItems: s_items);
        using var client = harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretsAsync([.. s_names, "/bulk/missing"]));

        Assert.Equal("get-secret-value", ex.Command);
    }
}
