using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>Two Akeyless sources (two accounts, or other base paths with narrower rights) both resolve references.</summary>
public sealed class TwoAkeylessSourcesReferenceTests
{
    private static readonly Dictionary<string, string?> s_reference = new() { ["Api:Key"] = "akeyless:/prod/a" };

    [Fact]
    public void Load_LaterSourceCannotFindTheReference_TheEarlierOnesValueStays()
    {
        var first = new FakeAkeylessClient().Set("/prod/a", "A");
        var second = new FakeAkeylessClient().Set("/other/x", "X");

        var config = Build(first, second, static o => o.BasePaths.Add("/other"));

        Assert.Equal("A", config["Api:Key"]);
        Assert.Equal("X", config["x"]);
    }

    [Fact]
    public void Load_ConfigurationManager_LaterSourceCannotFindTheReference_TheEarlierOnesValueStays()
    {
        var first = new FakeAkeylessClient().Set("/prod/a", "A");
        var second = new FakeAkeylessClient().Set("/other/x", "X");
        using var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(s_reference);

        manager.AddAkeyless(o => o.Client = first);
        manager.AddAkeyless(o => { o.Client = second; o.BasePaths.Add("/other"); });

        Assert.Equal("A", manager["Api:Key"]);
    }

    [Fact]
    public void Load_LaterOptionalSourceFails_TheEarlierOnesValueStays()
    {
        var first = new FakeAkeylessClient().Set("/prod/a", "A");
        var second = new FakeAkeylessClient().Set("/other/x", "X");
        second.FailNext(FakeAkeylessClient.Unavailable(), count: 10);

        var config = Build(first, second, static o => { o.BasePaths.Add("/other"); o.Optional = true; });

        Assert.Equal("A", config["Api:Key"]);
        Assert.Null(config["x"]);
    }

    [Fact]
    public void Load_ConfigurationManagerRebuildsItsProviders_ASingleSourceStillHidesAMissingReference()
    {
        var client = new FakeAkeylessClient().Set("/prod/b", "B");
        using var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(s_reference);
        manager.AddAkeyless(o => o.Client = client);
        Assert.Null(manager["Api:Key"]);

        // Changing the sources other than by adding one rebuilds every provider while the old ones are still listed.
        IConfigurationBuilder builder = manager;
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource());

        Assert.Null(manager["Api:Key"]);
    }

    [Fact]
    public void Load_NeitherSourceFindsTheReference_ItIsStillHidden()
    {
        var first = new FakeAkeylessClient().Set("/prod/b", "B");
        var second = new FakeAkeylessClient().Set("/other/x", "X");

        var config = Build(first, second, static o => o.BasePaths.Add("/other"));

        Assert.Null(config["Api:Key"]);
    }

    [Fact]
    public void Load_OnlyTheLaterSourceFindsTheReference_ItsValueIsServed()
    {
        var first = new FakeAkeylessClient().Set("/prod/b", "B");
        var second = new FakeAkeylessClient().Set("/prod/a", "A2");

        var config = Build(first, second, static _ => { });

        Assert.Equal("A2", config["Api:Key"]);
    }

    /// <summary>The reference in memory, then an Akeyless source over <paramref name="first"/>, then one over <paramref name="second"/>.</summary>
    private static IConfigurationRoot Build(FakeAkeylessClient first, FakeAkeylessClient second, Action<AkeylessConfigurationOptions> configureSecond) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(s_reference)
            .AddAkeyless(o => o.Client = first)
            .AddAkeyless(o =>
            {
                o.Client = second;
                configureSecond(o);
            })
            .Build();
}
