using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>
/// An optional source whose first load failed leaves no <c>akeyless:/…</c> text for the application to take as a value:
/// the references read as absent (as an optional JSON file that is missing, and as a reference to a missing secret),
/// and the next successful reload fills them in.
/// </summary>
public class EmulatorOptionalFailedLoadTests
{
    [Fact]
    public async Task OptionalFirstLoadFails_ReferencesReadAsAbsent_UntilAReloadResolvesThem()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/db"] = "s3cret" });
        using var h = new ProviderHarness(fx.Client());
        fx.Emulator.Faults.FailNext("get-secret-value", 1, 403, retryAfter: null);

        var config = h.Build(
            o => o.Optional = true,
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Db:Password"] = "akeyless:/app/db", ["Db:Host"] = "db.local" }));

        Assert.NotNull(h.Provider.LastError);
        Assert.Null(config["Db:Password"]);
        Assert.Equal("db.local", config["Db:Host"]);
        Assert.True(await h.Provider.ReloadAsync());
        Assert.Equal("s3cret", config["Db:Password"]);
    }
}
