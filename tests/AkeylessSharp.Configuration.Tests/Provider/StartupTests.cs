using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class StartupTests
{
    [Fact]
    public void Load_FirstLoadFails_Throws()
    {
        var client = new FakeAkeylessClient();
        client.FailNext(new AkeylessForbiddenException("No list permission.", "list-items", "/app"));
        using var h = new ProviderHarness(client);

        Assert.Throws<AkeylessForbiddenException>(() => h.Build(o => o.BasePaths.Add("/app")));
    }

    [Fact]
    public void Load_FirstLoadFailsAndOptional_StartsEmptyAndLogs()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a");
        client.FailNext(new AkeylessUnauthorizedException("Bad key."));
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.BasePaths.Add("/app"); o.Optional = true; });

        Assert.Null(config["A"]);
        Assert.IsType<AkeylessUnauthorizedException>(h.Provider.LastError);
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6003);
    }

    [Fact]
    public async Task Load_OptionalFailureThenReload_Recovers()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a");
        client.FailNext(FakeAkeylessClient.Unavailable());
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/app"); o.Optional = true; o.ReloadInterval = TimeSpan.FromSeconds(30); });

        await h.TickAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("a", config["A"]);
    }

    [Fact]
    public void Build_InvalidOptions_ThrowsConfigurationExceptionNamingField()
    {
        var builder = new ConfigurationBuilder().AddAkeyless(o => { o.Client = new FakeAkeylessClient(); o.BasePaths.Add("/a"); o.BatchSize = 0; });

        Assert.Equal("BatchSize", Assert.Throws<AkeylessConfigurationException>(() => builder.Build()).Field);
    }
}
