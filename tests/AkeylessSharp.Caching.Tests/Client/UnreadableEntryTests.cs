using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A shared cache can hold entries this version cannot read (another version wrote them, or they are corrupt): a
/// dynamic or rotated read then fetches afresh and overwrites the entry, never failing with a JSON error.
/// </summary>
public sealed class UnreadableEntryTests : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"fields":{},"expires_at":"yesterday"}""")]
    [InlineData("""{"fields":{"ttl":-5}}""")]
    public async Task UnreadableDynamicOrRotatedEntry_IsFetchedAfreshAndOverwritten(string entry)
    {
        var store = new MemorySecretCache(_fixture.Clock);
        await store.SetAsync(SecretCacheKey.Dynamic(ClientFixture.DynamicPath, null, null), entry, TimeSpan.FromHours(1));
        await store.SetAsync(SecretCacheKey.Rotated(ClientFixture.RotatedPath, null, null), entry, TimeSpan.FromHours(1));
        var client = _fixture.Client(new AkeylessCacheOptions(), store);

        var dynamic = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath);
        var rotated = await client.GetRotatedSecretAsync(ClientFixture.RotatedPath);

        Assert.StartsWith("tmp_", dynamic.Username, StringComparison.Ordinal);
        Assert.Equal("svc", rotated.Username);
        Assert.Equal(dynamic.Username, (await client.GetDynamicSecretAsync(ClientFixture.DynamicPath)).Username);
        Assert.Equal(rotated.Password, (await client.GetRotatedSecretAsync(ClientFixture.RotatedPath)).Password);
        Assert.Equal(1, _fixture.Requests("get-dynamic-secret-value"));
        Assert.Equal(1, _fixture.Requests("get-rotated-secret-value"));
    }
}
