using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Seed;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class TokenStoreTests
{
    private static readonly AuthMethodSeed Method = new() { Name = "/loop", Type = "access_key" };

    [Fact]
    public void Issue_AuthInALoop_StaysBoundedAndDropsTheOldestApiTokensFirst()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new TokenStore(time);
        var uid = store.IssueUid(Method, TimeSpan.FromHours(1), "u-seeded");
        var oldest = store.Issue(Method, TimeSpan.FromHours(1)).Token;
        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < TokenStore.MaxLive + 10; i++)
        {
            store.Issue(Method, TimeSpan.FromHours(1));
        }

        var newest = store.Issue(Method, TimeSpan.FromHours(1)).Token;

        Assert.True(store.Count <= TokenStore.MaxLive, $"{store.Count} tokens held");
        Assert.Equal(401, Assert.Throws<Wire.CommandException>(() => store.Resolve(oldest)).StatusCode);
        Assert.Equal(newest, store.Resolve(newest).Token);
        Assert.Equal(uid, store.Resolve(uid).Token);
    }
}
