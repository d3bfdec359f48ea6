using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A path, JSON attribute or host holding the cache key separator spells another read's key; it must be read from
/// Akeyless (where no such item, attribute or host exists), never answered with the other read's cached entry.
/// </summary>
public sealed class SeparatorPathTests : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PathSpellingAnotherPathsAttributeKey_IsNotAnsweredFromThatEntry(bool bulk)
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Equal("json-pw", await client.GetSecretAsync(ClientFixture.JsonPath, new SecretRequestOptions { JsonAttribute = "db.password" }));
        string spelled = ClientFixture.JsonPath + "\u001fstatic\u001fa=db.password";

        await Assert.ThrowsAsync<AkeylessNotFoundException>(async () =>
        {
            if (bulk)
            {
                await client.GetSecretsAsync([spelled]);
            }
            else
            {
                await client.GetSecretAsync(spelled);
            }
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AttributeSpellingAnotherAttributesKeyInItsEpoch_IsNotAnsweredFromThatEntry(bool bulk)
    {
        var shared = new GatedSecretCache(_fixture.Clock, gatedKey: "");
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false }, shared);
        Assert.Equal("json-pw", await client.GetSecretAsync(ClientFixture.JsonPath, new SecretRequestOptions { JsonAttribute = "db.password" }));
        string epoch = Assert.IsType<string>(await shared.GetAsync(ClientFixture.JsonPath + "\u001fepoch"));
        var spelled = new SecretRequestOptions { JsonAttribute = "db.password\u001fe=" + epoch };

        await Assert.ThrowsAsync<AkeylessJsonAttributeException>(async () =>
        {
            if (bulk)
            {
                await client.GetSecretsAsync([ClientFixture.JsonPath], spelled);
            }
            else
            {
                await client.GetSecretAsync(ClientFixture.JsonPath, spelled);
            }
        });
    }

    [Fact]
    public async Task HostSpellingAnotherHostsKeyInItsEpoch_IsNotAnsweredFromThatEntry()
    {
        var shared = new GatedSecretCache(_fixture.Clock, gatedKey: "");
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false }, shared);
        await client.GetRotatedSecretAsync(ClientFixture.RotatedPath, new RotatedSecretRequestOptions { Host = "db1" });
        string epoch = Assert.IsType<string>(await shared.GetAsync(ClientFixture.RotatedPath + "\u001fepoch"));
        long before = _fixture.Requests("get-rotated-secret-value");

        await client.GetRotatedSecretAsync(ClientFixture.RotatedPath, new RotatedSecretRequestOptions { Host = "db1\u001fe=" + epoch });

        Assert.Equal(before + 1, _fixture.Requests("get-rotated-secret-value"));
    }

    [Fact]
    public async Task TargetSpellingAnotherReadsArguments_IsNotAnsweredWithThatReadsLease()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        var arguments = new Dictionary<string, string> { ["schema"] = "reporting" };
        var leased = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath, new DynamicSecretRequestOptions { Target = "db1", Arguments = arguments });
        string key = AkeylessSharp.Caching.Internal.SecretCacheKey.Dynamic(ClientFixture.DynamicPath, "db1", arguments);
        string spelled = "db1" + key[key.LastIndexOf('\u001f')..];

        var other = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath, new DynamicSecretRequestOptions { Target = spelled });

        Assert.Equal(2, _fixture.Requests("get-dynamic-secret-value"));
        Assert.NotEqual(leased.Username, other.Username);
    }
}
