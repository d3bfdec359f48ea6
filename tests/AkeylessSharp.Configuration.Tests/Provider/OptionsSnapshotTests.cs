using AkeylessSharp.Configuration.Tests.TestSupport;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

/// <summary>
/// A provider keeps its own copy of its options: options changed after the configuration was built (reused for another
/// source, or by mistake) never change what the provider reloads.
/// </summary>
public class OptionsSnapshotTests
{
    [Fact]
    public async Task OptionsChangedAfterBuild_DoNotChangeWhatReloadsRead()
    {
        var client = new FakeAkeylessClient().Set("/app/A", "a").Set("/other/B", "b");
        using var h = new ProviderHarness(client);
        AkeylessConfigurationOptions? given = null;
        var config = h.Build(o => { o.BasePaths.Add("/app"); given = o; });

        given!.BasePaths.Clear();
        given.BasePaths.Add("/other");
        given.Tags.Add("no-such-tag");
        given.BatchSize = -1;
        given.Client = null;
        await h.Provider.ReloadAsync();

        Assert.Equal("a", config["A"]);
        Assert.Null(config["B"]);
        Assert.Null(h.Provider.LastError);
    }

    [Fact]
    public void OneOptionsObject_ForTwoSources_EachKeepsItsPaths()
    {
        var client = new FakeAkeylessClient().Set("/one/A", "a").Set("/two/B", "b");
        var options = new AkeylessConfigurationOptions { Client = client };
        var builder = new ConfigurationManager();

        options.BasePaths.Add("/one");
        builder.AddAkeyless(options);
        options.BasePaths.Clear();
        options.BasePaths.Add("/two");
        builder.AddAkeyless(options);
        ((IConfigurationRoot)builder).Reload();

        Assert.Equal("a", builder["A"]);
        Assert.Equal("b", builder["B"]);
    }

    [Fact]
    public void Copy_HasEverySetting_AndListsOfItsOwn()
    {
        var options = SettingsCopy.WithNonDefaultValues(new AkeylessConfigurationOptions(), ValueFor);

        var copy = options.Snapshot();

        SettingsCopy.AssertCopied(options, copy);
    }

    private static object ValueFor(Type type, string name) => type switch
    {
        _ when type == typeof(IAkeylessClient) => new FakeAkeylessClient(),
        _ when type == typeof(AkeylessClientOptions) => new AkeylessClientOptions(),
        _ when type == typeof(IEnumerable<Auth.ICloudIdProvider>) => Array.Empty<Auth.ICloudIdProvider>(),
        _ when type == typeof(Func<AkeylessItem, bool>) => new Func<AkeylessItem, bool>(static _ => true),
        _ when type == typeof(AkeylessSecretManager) => new AkeylessSecretManager(),
        _ when type == typeof(TimeProvider) => new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
        _ when type == typeof(Microsoft.Extensions.Logging.ILoggerFactory) => new Microsoft.Extensions.Logging.LoggerFactory(),
        _ => throw new InvalidOperationException($"No test value for {name} ({type}): add one."),
    };
}
