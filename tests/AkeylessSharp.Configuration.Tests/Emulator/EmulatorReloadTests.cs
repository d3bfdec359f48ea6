using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

public class EmulatorReloadTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(1);

    private static Dictionary<string, string> Secrets() => new()
    {
        ["/app/A"] = "a1",
        ["/app/B"] = "b1",
        ["/app/Feature/NewCheckout"] = "false",
    };

    [Fact]
    public async Task Reload_UpdatedSecret_ReadsOnlyItAndRaisesChange()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        var writer = fx.Client();
        using var h = new ProviderHarness(fx.Client());
        fx.Emulator.Counters.Reset();
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        var initialListings = fx.Emulator.Counters.Get("list-items");
        var changed = 0;
        using var registration = config.GetReloadToken().RegisterChangeCallback(_ => changed++, null);

        await writer.UpdateSecretValueAsync("/app/Feature/NewCheckout", "true");
        fx.Emulator.Counters.Reset();
        await h.TickAsync(s_interval);

        Assert.True(config.GetValue<bool>("Feature:NewCheckout"));
        Assert.Equal(1, changed);

        // The same listing as the first load (the client walks sub-folders: one request per folder), and one read.
        Assert.Equal(initialListings, fx.Emulator.Counters.Get("list-items"));
        Assert.Equal(1, fx.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task Reload_FaultInjected_KeepsLastGoodThenRecovers()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        var writer = fx.Client();
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        await writer.UpdateSecretValueAsync("/app/A", "a2");
        fx.Emulator.Faults.FailNext("get-secret-value", 5, 503);
        await h.TickAsync(s_interval);

        Assert.Equal("a1", config["A"]);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, Assert.IsAssignableFrom<AkeylessException>(h.Provider.LastError).StatusCode);
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6002);

        fx.Emulator.Faults.Clear();
        await h.TickAsync(s_interval);

        Assert.Equal("a2", config["A"]);
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public async Task Reload_ListingUnavailable_KeepsLastGood()
    {
        await using var fx = await EmulatorFixture.StartAsync(Secrets());
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });

        fx.Emulator.Faults.FailNext("list-items", 5, 500);
        await h.TickAsync(s_interval);

        Assert.Equal("a1", config["A"]);
        Assert.NotNull(h.Provider.LastError);
    }
}
