using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A write through the client while a read of the same path is between Akeyless's answer and the cache: the read's
/// older value must not outlive the write, neither in the cache nor for a read that starts after the write.
/// </summary>
public sealed class WriteDuringReadTests : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task GetSecret_AfterUpdateOvertookAnEarlierReadsStore_SeesTheUpdate()
    {
        string path = ClientFixture.Paths[1];
        var (client, cache, earlier) = await ReadHeldBeforeStoreAsync(path);

        await client.UpdateSecretValueAsync(path, "updated");
        cache.Open();

        Assert.Equal("e2e-value-1", await earlier); // it started before the write
        Assert.Equal("updated", await client.GetSecretAsync(path));
    }

    [Fact]
    public async Task GetSecret_StartedAfterUpdate_DoesNotJoinAReadStartedBeforeIt()
    {
        string path = ClientFixture.Paths[2];
        var (client, cache, earlier) = await ReadHeldBeforeStoreAsync(path);

        await client.UpdateSecretValueAsync(path, "updated");
        var later = client.GetSecretAsync(path).AsTask();
        cache.Open();

        Assert.Equal("e2e-value-2", await earlier);
        Assert.Equal("updated", await later);
    }

    [Fact]
    public async Task GetSecret_AfterDeleteOvertookAnEarlierReadsStore_IsNotFound()
    {
        string path = ClientFixture.Paths[3];
        var (client, cache, earlier) = await ReadHeldBeforeStoreAsync(path);

        await client.DeleteItemAsync(path);
        cache.Open();
        await earlier;

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync(path).AsTask());
    }

    [Fact]
    public async Task GetSecret_AfterARefreshOvertookAnEarlierReadsStore_SeesTheRefreshedValue()
    {
        string path = ClientFixture.Paths[4];
        var (client, cache, earlier) = await ReadHeldBeforeStoreAsync(path);

        // Changed by someone else: this client's cache knows nothing of it until a refresh.
        await _fixture.Client(null).UpdateSecretValueAsync(path, "changed elsewhere");
        Assert.Equal("changed elsewhere", await client.GetSecretAsync(path, new SecretRequestOptions { Refresh = true }));
        cache.Open();

        Assert.Equal("e2e-value-4", await earlier);
        Assert.Equal("changed elsewhere", await client.GetSecretAsync(path));
    }

    /// <summary>Starts a cached read of <paramref name="path"/> and returns once Akeyless answered it and its store waits at the gate.</summary>
    private async Task<(AkeylessClient Client, GatedSecretCache Cache, Task<string> Read)> ReadHeldBeforeStoreAsync(string path)
    {
        var cache = new GatedSecretCache(_fixture.Clock, path);
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false }, cache);
        var read = client.GetSecretAsync(path).AsTask();
        await cache.Storing.WaitAsync(TimeSpan.FromSeconds(30));
        return (client, cache, read);
    }
}
