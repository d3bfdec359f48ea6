namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>Behaviour every <see cref="ISecretCache"/> shares, asserted once for each implementation.</summary>
internal static class SecretCacheContract
{
    /// <summary>Remove forgets one entry and leaves the others; Clear forgets them all.</summary>
    public static async Task RemoveAndClearForgetEntriesAsync(ISecretCache cache)
    {
        await cache.SetAsync("/a", "1", TimeSpan.FromMinutes(1));
        await cache.SetAsync("/b", "2", TimeSpan.FromMinutes(1));

        await cache.RemoveAsync("/a");
        Assert.Null(await cache.GetAsync("/a"));
        Assert.Equal("2", await cache.GetAsync("/b"));

        await cache.ClearAsync();
        Assert.Null(await cache.GetAsync("/b"));
    }
}
