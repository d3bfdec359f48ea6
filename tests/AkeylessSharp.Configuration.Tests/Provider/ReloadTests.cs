using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class ReloadTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Reload_ChangedVersion_ReadsOnlyChangedAndRaisesChangeToken()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1").Set("/app/B", "b1").Set("/app/C", "c1");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        var changed = 0;
        using var registration = config.GetReloadToken().RegisterChangeCallback(_ => changed++, null);
        client.ResetCounters();

        client.Set("/app/B", "b2");
        await h.TickAsync(s_interval);

        Assert.Equal("b2", config["B"]);
        Assert.Equal(1, changed);
        Assert.Equal([1], client.BatchSizes);
        Assert.Equal(1, client.ListRequests);
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6008);
    }

    [Fact]
    public async Task Reload_NothingChanged_NoReadAndNoChangeToken()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a1");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        var changed = 0;
        using var registration = config.GetReloadToken().RegisterChangeCallback(_ => changed++, null);
        client.ResetCounters();

        await h.TickAsync(s_interval);

        Assert.Equal(0, changed);
        Assert.Equal(0, client.GetSecretsRequests);
        Assert.Equal(1, client.ListRequests);
    }

    [Fact]
    public async Task Reload_DeletedAndAddedSecrets_AreReflected()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a").Set("/app/B", "b");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        client.Delete("/app/A");
        client.Set("/app/New", "n");
        await h.TickAsync(s_interval);

        Assert.Null(config["A"]);
        Assert.Equal("n", config["New"]);
        Assert.Equal("b", config["B"]);
    }

    [Fact]
    public async Task Reload_Failure_KeepsLastGoodLogsAndRecordsError()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "good");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        client.Set("/app/A", "newer");
        client.FailNext(FakeAkeylessClient.Unavailable());
        await h.TickAsync(s_interval);

        Assert.Equal("good", config["A"]);
        Assert.IsType<AkeylessException>(h.Provider.LastError);
        var log = Assert.Single(h.LogRecords, r => r.Id.Id == 6002);
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.NotNull(log.Exception);

        await h.TickAsync(s_interval);

        Assert.Equal("newer", config["A"]);
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public async Task Reload_UnauthorizedMidway_KeepsLastGood()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "good");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        client.FailNext(new AkeylessUnauthorizedException("Token rejected."));
        await h.TickAsync(s_interval);

        Assert.Equal("good", config["A"]);
        Assert.IsType<AkeylessUnauthorizedException>(h.Provider.LastError);
    }

    [Fact]
    public async Task Reload_OptionsMonitor_SeesNewValue()
    {
        var client = new FakeAkeylessClient().Set("/app/Feature/Enabled", "false");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        using var services = new ServiceCollection().Configure<FeatureOptions>(config.GetSection("Feature")).BuildServiceProvider();
        var monitor = services.GetRequiredService<IOptionsMonitor<FeatureOptions>>();
        Assert.False(monitor.CurrentValue.Enabled);

        client.Set("/app/Feature/Enabled", "true");
        await h.TickAsync(s_interval);

        Assert.True(monitor.CurrentValue.Enabled);
    }

    [Fact]
    public async Task Reload_NoInterval_NoTimer()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a");
        using var h = new ProviderHarness(client);
        h.Build(o => o.BasePaths.Add("/app"));
        client.ResetCounters();

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.Provider.PendingReload;

        Assert.Equal(0, client.ListRequests);
    }

    [Fact]
    public void ConfigurationRootReload_Failure_KeepsLastGoodWithoutThrowing()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "good");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => o.BasePaths.Add("/app"));

        client.FailNext(FakeAkeylessClient.Unavailable());
        config.Reload();

        Assert.Equal("good", config["A"]);
        Assert.NotNull(h.Provider.LastError);
    }

    private sealed class FeatureOptions
    {
        public bool Enabled { get; set; }
    }
}
