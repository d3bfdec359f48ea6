using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// Akeyless takes a path with or without its leading <c>/</c> as the same item, and the cache keys a value by the path as
/// read: a write or delete through either spelling must evict what a read through the other one cached.
/// </summary>
public sealed class PathSpellingTests : IAsyncLifetime
{
    private readonly FlakyDistributedCache _backend = new();
    private ClientFixture _fixture = null!;

    public static TheoryData<string, string, bool> Spellings => new()
    {
        { "spelling/a", "/spelling/a", false },
        { "/spelling/b", "spelling/b", false },
        { "spelling/c", "/spelling/c", true },
    };

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _backend.Dispose();
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task WriteThroughTheOtherSpelling_IsSeenByTheNextRead(string read, string written, bool shared)
    {
        var client = Client(shared);
        await client.CreateSecretAsync(written, """{"v":"first"}""");
        Assert.Equal("""{"v":"first"}""", await client.GetSecretAsync(read));
        Assert.Equal("first", await client.GetSecretAsync(read, new SecretRequestOptions { JsonAttribute = "v" }));

        await client.UpdateSecretValueAsync(written, """{"v":"second"}""");

        Assert.Equal("""{"v":"second"}""", await client.GetSecretAsync(read));
        Assert.Equal("second", await client.GetSecretAsync(read, new SecretRequestOptions { JsonAttribute = "v" }));
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task DeleteThroughTheOtherSpelling_IsSeenByTheNextRead(string read, string written, bool shared)
    {
        var client = Client(shared);
        await client.CreateSecretAsync(written, "value");
        Assert.Equal("value", await client.GetSecretAsync(read));

        await client.DeleteItemAsync(written);

        await Assert.ThrowsAsync<AkeylessNotFoundException>(async () => await client.GetSecretAsync(read));
    }

    private AkeylessClient Client(bool shared)
    {
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        return _fixture.Client(options, shared ? new DistributedSecretCache(_backend, options, _fixture.Clock) : null);
    }
}
