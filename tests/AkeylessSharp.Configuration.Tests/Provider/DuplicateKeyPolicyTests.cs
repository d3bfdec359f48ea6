using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class DuplicateKeyPolicyTests
{
    private static FakeAkeylessClient TwoFoldersWithSameName() =>
        new FakeAkeylessClient().Set("/base/one/Key", "first").Set("/base/two/key", "second");

    [Fact]
    public void Load_Replace_LaterBasePathWins()
    {
        using var h = new ProviderHarness(TwoFoldersWithSameName());

        var config = h.Build(o => { o.BasePaths.Add("/base/one"); o.BasePaths.Add("/base/two"); });

        Assert.Equal("second", config["Key"]);
    }

    [Fact]
    public void Load_Skip_FirstWinsAndIsLogged()
    {
        using var h = new ProviderHarness(TwoFoldersWithSameName());

        var config = h.Build(o => { o.BasePaths.Add("/base/one"); o.BasePaths.Add("/base/two"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Skip; });

        Assert.Equal("first", config["Key"]);
        Assert.Contains(h.LogRecords, r => r.Id.Id == 6006);
    }

    [Fact]
    public void Load_Throw_NamesBothPathsAndTheKey()
    {
        using var h = new ProviderHarness(TwoFoldersWithSameName());

        var ex = Assert.Throws<AkeylessConfigurationException>(() =>
            h.Build(o => { o.BasePaths.Add("/base/one"); o.BasePaths.Add("/base/two"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Throw; }));

        Assert.Contains("/base/one/Key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/base/two/key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ThrowAndOptional_StillThrowsAConfigurationMistake()
    {
        using var h = new ProviderHarness(TwoFoldersWithSameName());

        var ex = Assert.Throws<AkeylessConfigurationException>(() =>
            h.Build(o => { o.BasePaths.Add("/base/one"); o.BasePaths.Add("/base/two"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Throw; o.Optional = true; }));

        Assert.Equal(nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy), ex.Field);
        Assert.DoesNotContain(h.LogRecords, r => r.Id.Id == 6003);
    }

    [Fact]
    public async Task Reload_ThrowAndOptional_DuplicateAppearing_FailsTheReloadAndKeepsTheValues()
    {
        var client = new FakeAkeylessClient().Set("/base/one/Key", "first");
        using var h = new ProviderHarness(client);
        var config = h.Build(o => { o.BasePaths.Add("/base/one"); o.BasePaths.Add("/base/two"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Throw; o.Optional = true; o.ReloadInterval = TimeSpan.FromSeconds(30); });
        client.Set("/base/two/key", "second");

        await h.TickAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("first", config["Key"]);
        Assert.Equal(nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy), Assert.IsAssignableFrom<AkeylessConfigurationException>(h.Provider.LastError).Field);
    }

    [Fact]
    public void Load_FlattenedJsonCollidingWithSecret_FollowsPolicy()
    {
        var client = new FakeAkeylessClient().Set("/app/Db", """{"Host":"from-json"}""").Set("/app/Db/Host", "from-secret");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.BasePaths.Add("/app"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Skip; });

        Assert.Equal("from-json", config["Db:Host"]);
    }

    // Configuration keys ignore case, so "Db" and "db" in one JSON secret are one key, as two secrets would be.
    private const string JsonWithKeysDifferingInCase = """{"Db":{"Host":"first-host"},"db":{"host":"second-host"}}""";

    [Fact]
    public void Load_Throw_JsonSecretWithTwoPropertiesForOneKey_ThrowsNamingTheSecretAndKeyNotTheValues()
    {
        using var h = new ProviderHarness(new FakeAkeylessClient().Set("/app/settings", JsonWithKeysDifferingInCase));

        var ex = Assert.Throws<AkeylessConfigurationException>(() =>
            h.Build(o => { o.BasePaths.Add("/app"); o.DuplicateKeyPolicy = DuplicateKeyPolicy.Throw; }));

        Assert.Equal(nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy), ex.Field);
        Assert.Contains("/app/settings", ex.Message, StringComparison.Ordinal);
        Assert.Contains("settings:db:host", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("first-host", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second-host", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DuplicateKeyPolicy.Skip, "first-host")]
    [InlineData(DuplicateKeyPolicy.Replace, "second-host")]
    public void Load_JsonSecretWithTwoPropertiesForOneKey_FollowsPolicy(DuplicateKeyPolicy policy, string expected)
    {
        using var h = new ProviderHarness(new FakeAkeylessClient().Set("/app/settings", JsonWithKeysDifferingInCase));

        var config = h.Build(o => { o.BasePaths.Add("/app"); o.DuplicateKeyPolicy = policy; });

        Assert.Equal(expected, config["settings:Db:Host"]);
        Assert.Equal(policy == DuplicateKeyPolicy.Skip, h.LogRecords.Any(r => r.Id.Id == 6006));
    }
}
