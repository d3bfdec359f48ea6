using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class BasePathLoadTests
{
    [Fact]
    public void Load_SecretsUnderBasePath_AreKeyedRelativeToIt()
    {
        var client = new FakeAkeylessClient().Set("/app/prod/Db/Password", "pw").Set("/app/prod/Title", "Shop").Set("/app/other/X", "no");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => o.BasePaths.Add("/app/prod"));

        Assert.Equal("pw", config["Db:Password"]);
        Assert.Equal("Shop", config["Title"]);
        Assert.Null(config["X"]);
    }

    [Fact]
    public void Load_JsonObjectSecret_IsFlattened()
    {
        var client = new FakeAkeylessClient().Set("/app/Db", """{"Hosts":["a","b"],"Pool":{"Max":5}}""");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => o.BasePaths.Add("/app"));

        Assert.Equal("b", config["Db:Hosts:1"]);
        Assert.Equal("5", config["Db:Pool:Max"]);
        Assert.Equal(5, config.GetSection("Db:Pool").GetValue<int>("Max"));
    }

    [Fact]
    public void Load_FlattenJsonOff_KeepsJsonText()
    {
        var client = new FakeAkeylessClient().Set("/app/Db", """{"Host":"h"}""");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.BasePaths.Add("/app"); o.FlattenJson = false; });

        Assert.Equal("""{"Host":"h"}""", config["Db"]);
        Assert.Null(config["Db:Host"]);
    }

    [Fact]
    public void Load_TagsFilterAndSecretManager_AllNarrowTheSelection()
    {
        var client = new FakeAkeylessClient()
            .Set("/app/A", "a", "web", "prod")
            .Set("/app/B", "b", "web")
            .Set("/app/C", "c", "web", "prod")
            .Set("/app/D", "d", "web", "prod");
        using var h = new ProviderHarness(client);

        var config = h.Build(o =>
        {
            o.BasePaths.Add("/app");
            o.Tags.Add("prod");
            o.Filter = item => !item.Name.EndsWith("/C", StringComparison.Ordinal);
            o.SecretManager = new PrefixManager();
        });

        Assert.Equal("a", config["App:A"]);
        Assert.Null(config["App:B"]);
        Assert.Null(config["App:C"]);
        Assert.Null(config["App:D"]);
        Assert.Equal(1, client.GetSecretsRequests);
        Assert.Equal([1], client.BatchSizes);
    }

    [Fact]
    public void Load_ExplicitPaths_NeedNoListing()
    {
        var client = new FakeAkeylessClient().Set("/shared/smtp/host", "smtp.example.com").Set("/app/prod/Key", "k");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.Paths.Add("/shared/smtp/host"); o.Paths.Add("/missing/one"); });

        Assert.Equal("smtp.example.com", config["shared:smtp:host"]);
        Assert.Null(config["missing:one"]);
        Assert.Equal(0, client.ListRequests);
    }

    [Fact]
    public void Load_ACustomAirflowSeparator_LeavesExplicitPathsAndBasePathsAsWritten()
    {
        // The separator shapes Airflow names only: "/app/key-" is a secret of its own, not "/app/key".
        var client = new FakeAkeylessClient()
            .Set("/app/key-", "dash").Set("/app/key", "plain")
            .Set("/svc-/A", "under svc-").Set("/svc/A", "under svc");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.Separator = "-"; o.Paths.Add("/app/key-"); o.BasePaths.Add("/svc-"); });

        Assert.Equal("dash", config["app:key-"]);
        Assert.Null(config["app:key"]);
        Assert.Equal("under svc-", config["A"]);
    }

    [Fact]
    public void Load_MissingBaseFolder_IsEmptyNotAnError()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient());

        var config = h.Build(o => o.BasePaths.Add("/nothing/here"));

        Assert.Empty(config.AsEnumerable());
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public void Load_SecretDeletedBetweenListAndRead_OthersStillLoad()
    {
        var client = new FakeAkeylessClient { OnListed = c => c.Delete("/app/B") };
        client.Set("/app/A", "a").Set("/app/B", "b").Set("/app/C", "c");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => o.BasePaths.Add("/app"));

        Assert.Equal("a", config["A"]);
        Assert.Null(config["B"]);
        Assert.Equal("c", config["C"]);
    }

    [Fact]
    public void Load_NotFoundWithoutPath_FallsBackToSingleReadsForThatBatchOnly()
    {
        var client = new FakeAkeylessClient { NotFoundWithoutPath = true, OnListed = c => c.Delete("/app/B") };
        client.Set("/app/A", "a").Set("/app/B", "b");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => o.BasePaths.Add("/app"));

        Assert.Equal("a", config["A"]);
        Assert.Null(config["B"]);
        Assert.Equal(2, client.TryGetRequests);
    }

    [Fact]
    public void Load_ASecretManagerReturningNoKey_IsAConfigurationErrorNamingItAndThePath()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a");
        using var h = new ProviderHarness(client);

        var error = Assert.Throws<AkeylessConfigurationException>(() => h.Build(o => { o.BasePaths.Add("/app"); o.SecretManager = new NoKeyManager(); }));

        Assert.Equal(nameof(AkeylessConfigurationOptions.SecretManager), error.Field);
        Assert.Contains("NoKeyManager.GetKey returned null for '/app/A'", error.Message, StringComparison.Ordinal);
    }

    private sealed class NoKeyManager : AkeylessSecretManager
    {
        public override string GetKey(string path, string? basePath) => null!;
    }

    private sealed class PrefixManager : AkeylessSecretManager
    {
        public override bool Load(AkeylessItem item) => !item.Name.EndsWith("/D", StringComparison.Ordinal);

        public override string GetKey(string path, string? basePath) => "App:" + base.GetKey(path, basePath);
    }
}
