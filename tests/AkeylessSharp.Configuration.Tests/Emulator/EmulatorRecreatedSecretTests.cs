using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>A secret deleted and created again starts over at version 1: the reload must still see the new value.</summary>
public class EmulatorRecreatedSecretTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Reload_SecretRecreatedWithSameVersion_ReadsNewValueAndRaisesChange()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "before", ["/app/B"] = "b" });
        var writer = fx.Client();
        using var h = new ProviderHarness(fx.Client());
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        var changed = 0;
        using var registration = Microsoft.Extensions.Primitives.ChangeToken.OnChange(config.GetReloadToken, () => changed++);
        var before = await writer.DescribeItemAsync("/app/A");

        await writer.DeleteItemAsync("/app/A");
        await writer.CreateSecretAsync("/app/A", "after");
        var after = await writer.DescribeItemAsync("/app/A");
        fx.Emulator.Counters.Reset();
        await h.TickAsync(s_interval);

        Assert.Equal((1, 1), (before.LastVersion, after.LastVersion));
        Assert.NotEqual(before.Id, after.Id);
        Assert.Equal("after", config["A"]);
        Assert.Equal(1, changed);

        // Only the re-created secret is read again; the untouched one is reused.
        Assert.Equal(1, fx.Emulator.Counters.Get("get-secret-value"));
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public async Task Reload_NothingChanged_ReadsNothing()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/A"] = "a", ["/app/B"] = "b" });
        using var h = new ProviderHarness(fx.Client());
        h.Build(o => { o.BasePaths.Add("/app"); o.ReloadInterval = s_interval; });
        fx.Emulator.Counters.Reset();

        await h.TickAsync(s_interval);

        Assert.Equal(0, fx.Emulator.Counters.Get("get-secret-value"));
    }
}
