using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>The first load against an Akeyless that answers slower than the client's timeout: nobody cancelled, so no cancellation escapes.</summary>
public class EmulatorStartupTimeoutTests
{
    private static AkeylessClient SlowClient(EmulatorFixture fx)
    {
        var options = fx.ClientOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        fx.Emulator.Faults.AddLatency("list-items", TimeSpan.FromSeconds(5));
        return new AkeylessClient(options);
    }

    [Fact]
    public async Task FirstLoad_ClientTimesOut_ThrowsATypedError()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a" });
        using var client = SlowClient(fx);
        using var h = new ProviderHarness(client);

        var error = Record.Exception(() => h.Build(o => o.BasePaths.Add("/app")));

        Assert.IsAssignableFrom<AkeylessException>(error);
    }

    [Fact]
    public async Task FirstLoad_ClientTimesOut_AndOptional_StartsEmpty()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a" });
        using var client = SlowClient(fx);
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.BasePaths.Add("/app"); o.Optional = true; });

        Assert.Null(config["A"]);
        Assert.IsAssignableFrom<AkeylessException>(h.Provider.LastError);
    }

    [Fact]
    public async Task Reload_ClientTimesOut_IsARecordedFailure_NotACancellation()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a" });
        var options = fx.ClientOptions();
        // Long enough for the first load (authentication included) on a busy machine; the reload's latency is far longer.
        options.Timeout = TimeSpan.FromSeconds(2);
        using var client = new AkeylessClient(options);
        using var h = new ProviderHarness(client);
        var config = h.Build(o => o.BasePaths.Add("/app"));
        fx.Emulator.Faults.AddLatency("list-items", TimeSpan.FromSeconds(6));

        Assert.False(await h.Provider.ReloadAsync());

        Assert.IsAssignableFrom<AkeylessException>(h.Provider.LastError);
        Assert.Equal("a", config["A"]);
    }
}
