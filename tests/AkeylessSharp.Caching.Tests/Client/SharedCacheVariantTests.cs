using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A JSON attribute or a version is cached under a key of its own; in a cache shared by a fleet, a write or delete through
/// any instance must reach those entries as it reaches the whole value's, though only the instance that read them knows them.
/// </summary>
public sealed class SharedCacheVariantTests : IAsyncLifetime
{
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

        await writer.UpdateSecretValueAsync(ClientFixture.JsonPath, """{"db":{"password":"new-pw"}}""");

        Assert.Equal("new-pw", await reader.GetSecretAsync(ClientFixture.JsonPath, Attribute));
        Assert.Equal("new-pw", (await reader.GetSecretsAsync([ClientFixture.JsonPath], Attribute))[ClientFixture.JsonPath]);
    }

    [Fact]
    public async Task JsonAttributeOfABulkRead_WrittenThroughAnotherInstance_IsReadAfresh()
    {
        var (reader, writer) = TwoInstances();
        Assert.Equal("json-pw", (await reader.GetSecretsAsync([ClientFixture.JsonPath], Attribute))[ClientFixture.JsonPath]);

        await writer.UpdateSecretValueAsync(ClientFixture.JsonPath, """{"db":{"password":"new-pw"}}""");

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

    private (AkeylessClient Reader, AkeylessClient Writer) TwoInstances()
    {
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        return (
            _fixture.Client(options, new DistributedSecretCache(_backend, options, _fixture.Clock)),
            _fixture.Client(options, new DistributedSecretCache(_backend, options, _fixture.Clock)));
    }
}
