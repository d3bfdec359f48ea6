using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>What the caches hold a value in never prints it (a debugger shows <c>ToString()</c> too).</summary>
public sealed class RedactionTests
{
    private const string Value = "redaction-canary";

    public static TheoryData<string, object> Holders() => new()
    {
        { "started lookup", new StartedLookup("/app/a", ValueTask.FromResult<string?>(Value)) },
        { "cacheable value", new CacheableValue(Value, TimeSpan.FromMinutes(1), TimeSpan.Zero) },
        { "stale entry", new SecretCacheEntry(Value, DateTimeOffset.UnixEpoch) },
    };

    [Theory]
    [MemberData(nameof(Holders))]
    public void ToString_NeverPrintsTheValue(string holder, object instance)
    {
        Assert.DoesNotContain(Value, instance.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(holder));
    }
}
