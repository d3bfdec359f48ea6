using AkeylessSharp.Emulator.Auth;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class ChallengeStoreTests
{
    [Fact]
    public void Issue_BeyondMaxOpen_DropsOldestAndStaysBounded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new ChallengeStore(time);
        var first = store.Issue();
        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < ChallengeStore.MaxOpen + 10; i++)
        {
            store.Issue();
        }

        var newest = store.Issue();

        Assert.True(store.Count <= ChallengeStore.MaxOpen, $"{store.Count} challenges held");
        Assert.False(store.TryConsume(first));
        Assert.True(store.TryConsume(newest));
    }
}
