using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A JSON attribute, a version or a rotated secret is cached under a key of its own; in a cache shared by a fleet, a write
/// or delete through any instance must reach those entries as it reaches the whole value's, though only the instance that
/// stored them knows them.
/// </summary>
public sealed class SharedCacheVariantTests : IAsyncLifetime
{
    private const string NewJson = """{"db":{"password":"new-pw"}}""";
    private static readonly SecretRequestOptions Attribute = new() { JsonAttribute = "db.password" };
    private readonly FlakyDistributedCache _backend = new();
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _backend.Dispose();
    }

    [Fact]
    public async Task JsonAttribute_WrittenThroughAnotherInstance_IsReadAfresh()
    {
        var (reader, writer) = TwoInstances();
        Assert.Equal("json-pw", await reader.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        Assert.Equal("json-pw", await writer.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        Assert.Equal(1, _fixture.Requests("get-secret-value")); // still one entry for the fleet

        await writer.UpdateSecretValueAsync(ClientFixture.JsonPath, NewJson);

        Assert.Equal("new-pw", await reader.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        Assert.Equal("new-pw", (await reader.GetSecretsAsync([ClientFixture.JsonPath], Attribute))[ClientFixture.JsonPath]);
    }

    [Fact]
    public async Task JsonAttributeOfABulkRead_WrittenThroughAnotherInstance_IsReadAfresh()
    {
        var (reader, writer) = TwoInstances();
        Assert.Equal("json-pw", (await reader.GetSecretsAsync([ClientFixture.JsonPath], Attribute))[ClientFixture.JsonPath]);

        await writer.UpdateSecretValueAsync(ClientFixture.JsonPath, NewJson);

        Assert.Equal("new-pw", (await reader.GetSecretsAsync([ClientFixture.JsonPath], Attribute))[ClientFixture.JsonPath]);
    }

    [Fact]
    public async Task Version_DeletedThroughAnotherInstance_IsNotServed()
    {
        var (reader, writer) = TwoInstances();
        var versionOne = new SecretRequestOptions { Version = 1 };
        Assert.Equal("e2e-value-3", await reader.GetSecretAsync(ClientFixture.Paths[3], versionOne));

        await writer.DeleteItemAsync(ClientFixture.Paths[3]);

        await Assert.ThrowsAsync<AkeylessNotFoundException>(async () => await reader.GetSecretAsync(ClientFixture.Paths[3], versionOne));
    }

    [Fact]
    public async Task JsonAttributeReadAsAHit_WrittenThroughThisInstance_IsReadAfresh()
    {
        var (storer, client) = TwoInstances();
        Assert.Equal("json-pw", await storer.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        Assert.Equal("json-pw", await client.GetSecretAsync(ClientFixture.JsonPath, Attribute)); // a hit: this instance never stored it

        await client.UpdateSecretValueAsync(ClientFixture.JsonPath, NewJson);

        Assert.Equal("new-pw", await client.GetSecretAsync(ClientFixture.JsonPath, Attribute));
    }

    [Fact]
    public async Task RotatedSecret_DeletedThroughAnotherInstance_IsNotServed()
    {
        var (reader, writer) = TwoInstances();
        Assert.Equal("R0tated!", (await reader.GetRotatedSecretAsync(ClientFixture.RotatedPath)).Password);
        Assert.Equal("R0tated!", (await writer.GetRotatedSecretAsync(ClientFixture.RotatedPath)).Password);
        Assert.Equal(1, _fixture.Requests("get-rotated-secret-value"));

        await writer.DeleteItemAsync(ClientFixture.RotatedPath);

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => reader.GetRotatedSecretAsync(ClientFixture.RotatedPath));
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => writer.GetRotatedSecretAsync(ClientFixture.RotatedPath));
    }

    [Fact]
    public async Task JsonAttribute_WhenTheSharedCacheAndAkeylessAreBothDown_IsServedStale()
    {
        var (reader, _) = TwoInstances();
        Assert.Equal("json-pw", await reader.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        _fixture.Clock.Advance(new AkeylessCacheOptions().StaticSecretTtl + TimeSpan.FromMinutes(1));

        _backend.Failing = true;
        _fixture.Emulator.Faults.FailNext("get-secret-value", 5, 503);

        Assert.Equal("json-pw", await reader.GetSecretAsync(ClientFixture.JsonPath, Attribute));
    }

    private (AkeylessClient Reader, AkeylessClient Writer) TwoInstances()
    {
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        return (
            _fixture.Client(options, new DistributedSecretCache(_backend, options, _fixture.Clock)),
            _fixture.Client(options, new DistributedSecretCache(_backend, options, _fixture.Clock)));
    }
}
