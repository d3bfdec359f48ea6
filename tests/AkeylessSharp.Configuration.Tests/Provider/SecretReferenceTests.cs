using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class SecretReferenceTests
{
    [Fact]
    public void Load_ReferenceInEarlierSource_IsReplacedBySecret()
    {
        var client = new FakeAkeylessClient().Set("/prod/db/conn", "Host=db;Password=x");
        using var h = new ProviderHarness(client);

        var config = h.Build(
            o => { },
            b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Db"] = "akeyless:/prod/db/conn", ["Plain"] = "text" }));

        Assert.Equal("Host=db;Password=x", config.GetConnectionString("Db"));
        Assert.Equal("text", config["Plain"]);
    }

    [Fact]
    public void Load_ReferenceToMissingSecret_HidesReferenceAndLogs()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient());

        var config = h.Build(o => { }, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Key"] = "akeyless:/nope" }));

        Assert.Null(config["Api:Key"]);
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6007);
        Assert.Single(h.Provider.Problems);
    }

    [Fact]
    public void Load_ResolveSecretReferencesOff_LeavesValue()
    {
        var client = new FakeAkeylessClient().Set("/x", "secret");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.ResolveSecretReferences = false; o.Paths.Add("/y"); }, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["K"] = "akeyless:/x" }));

        Assert.Equal("akeyless:/x", config["K"]);
    }

    [Fact]
    public async Task Load_ConfigurationManager_ResolvesReferencesAndKeepsThemAcrossReload()
    {
        var client = new FakeAkeylessClient().Set("/prod/key", "v1");
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Key"] = "akeyless:/prod/key" });

        manager.AddAkeyless(o => o.Client = client);
        Assert.Equal("v1", manager["Api:Key"]);

        client.Set("/prod/key", "v2");
        var provider = ((IConfigurationRoot)manager).Providers.OfType<AkeylessConfigurationProvider>().Single();
        Assert.True(await provider.ReloadAsync());
        Assert.Equal("v2", manager["Api:Key"]);
        manager.Dispose();
    }

    [Fact]
    public void Load_EnvironmentStyleReference_IsCaseInsensitivePrefix()
    {
        var client = new FakeAkeylessClient().Set("/p/k", "resolved");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { }, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["A"] = "AKEYLESS:p/k" }));

        Assert.Equal("resolved", config["A"]);
    }

    [Fact]
    public void Load_ReferenceToMissingMegabytePath_ProblemQuotesStartAndLength()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient());
        var path = "/" + new string('n', 1024 * 1024 - 1);

        h.Build(o => { }, b => b.AddInMemoryCollection(new Dictionary<string, string?> { ["Api:Key"] = "akeyless:" + path }));

        var problem = Assert.Single(h.Provider.Problems);
        Assert.True(problem.Length < 500, $"{problem.Length} characters");
        Assert.Contains("(1048576 characters)", problem, StringComparison.Ordinal);
    }
}
