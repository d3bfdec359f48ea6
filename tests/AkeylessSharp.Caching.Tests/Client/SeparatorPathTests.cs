namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A path holding the cache key separator spells another path's variant key; it must be read from Akeyless (where no
/// such item exists), never answered with the other path's cached entry.
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
}
