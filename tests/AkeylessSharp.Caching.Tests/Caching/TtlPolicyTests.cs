using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class TtlPolicyTests
{
    [Fact]
    public void Static_UsesConfiguredTtl_AndMaxStale()
    {
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { StaticSecretTtl = TimeSpan.FromMinutes(3), MaxStale = TimeSpan.FromMinutes(7) }, TestReaders.Clock());
        var value = policy.Static("v");
        Assert.Equal(TimeSpan.FromMinutes(3), value.Ttl);
        Assert.Equal(TimeSpan.FromMinutes(7), value.StaleFor);
    }

    [Fact]
    public void Dynamic_CachedUntilLeaseMinusBuffer_StaleOnlyUntilLeaseEnds()
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { DynamicSecretRefreshBuffer = TimeSpan.FromMinutes(2), MaxStale = TimeSpan.FromHours(1) }, clock);
        var value = policy.Dynamic("creds", clock.GetUtcNow().AddMinutes(60));
        Assert.Equal(TimeSpan.FromMinutes(58), value.Ttl);
        Assert.Equal(TimeSpan.FromMinutes(2), value.StaleFor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30)]
    public void Dynamic_WithoutLeaseOrShorterThanBuffer_IsNotCached(int? leaseSeconds)
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { DynamicSecretRefreshBuffer = TimeSpan.FromMinutes(1) }, clock);
        var value = policy.Dynamic("creds", leaseSeconds is { } s ? clock.GetUtcNow().AddSeconds(s) : null);
        Assert.Equal(TimeSpan.Zero, value.Ttl);
    }

    [Theory]
    [InlineData(0, 60, 0, 0)]
    [InlineData(60, 60, 0, 60)]
    [InlineData(-30, 60, 0, 0)]
    [InlineData(90, 60, 30, 60)]
    [InlineData(90, 0, 90, 0)]
    [InlineData(3_155_760_000, 60, 3_155_759_940, 60)]
    public void Dynamic_LeaseEdges_NeverCacheOrServeStalePastTheLease(long leaseSeconds, int bufferSeconds, long ttlSeconds, long staleSeconds)
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { DynamicSecretRefreshBuffer = TimeSpan.FromSeconds(bufferSeconds), MaxStale = TimeSpan.FromDays(7) }, clock);
        var value = policy.Dynamic("creds", clock.GetUtcNow().AddSeconds(leaseSeconds));
        Assert.Equal(TimeSpan.FromSeconds(ttlSeconds), value.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(staleSeconds), value.StaleFor);
    }

    [Fact]
    public void Rotated_EndsAtNextRotation_WhenSooner()
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { RotatedSecretTtl = TimeSpan.FromMinutes(10) }, clock);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.Rotated("v").Ttl);
        Assert.Equal(TimeSpan.FromMinutes(4), policy.Rotated("v", clock.GetUtcNow().AddMinutes(4)).Ttl);
        Assert.Equal(TimeSpan.Zero, policy.Rotated("v", clock.GetUtcNow().AddMinutes(-1)).Ttl);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01 00:00:00 +0000 UTC")]
    public void Rotated_GoZeroNextRotation_SchedulesNothing_SoTheConfiguredTtlApplies(string goZero)
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { RotatedSecretTtl = TimeSpan.FromMinutes(10) }, clock);
        Assert.True(AkeylessSharp.Auth.Internal.TokenExpiry.TryParse(goZero, out var parsed));
        Assert.Equal(TimeSpan.FromMinutes(10), policy.Rotated("v", parsed).Ttl);
    }

    [Theory]
    [InlineData("2025-01-01T02:04:00+02:00", 4)]
    [InlineData("2025-01-01T00:03:00", 3)]
    [InlineData("9999-12-31T23:59:59Z", 10)]
    public void Rotated_NextRotationWithAnyOffsetOrFarAway_EndsAtTheEarlierOfItAndTheTtl(string next, int minutes)
    {
        var clock = TestReaders.Clock();
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { RotatedSecretTtl = TimeSpan.FromMinutes(10) }, clock);
        Assert.True(AkeylessSharp.Auth.Internal.TokenExpiry.TryParse(next, out var parsed));
        Assert.Equal(TimeSpan.FromMinutes(minutes), policy.Rotated("v", parsed).Ttl);
    }

    [Fact]
    public void StaleIfErrorOff_MeansNoStaleAllowance()
    {
        var policy = new SecretTtlPolicy(new AkeylessCacheOptions { StaleIfError = false }, TestReaders.Clock());
        Assert.Equal(TimeSpan.Zero, policy.Static("v").StaleFor);
    }

    [Fact]
    public void Keys_IncludeVersionAttributeAndArguments_AndStartWithThePath()
    {
        Assert.Equal("/a", SecretCacheKey.Static("/a", null, null));
        string versioned = SecretCacheKey.Static("/a", 3, null);
        string attribute = SecretCacheKey.Static("/a", null, "db.password");
        string dynamicA = SecretCacheKey.Dynamic("/a", "t1", new Dictionary<string, string> { ["ttl"] = "60", ["role"] = "ro" });
        string dynamicB = SecretCacheKey.Dynamic("/a", "t1", new Dictionary<string, string> { ["role"] = "ro", ["ttl"] = "60" });
        string dynamicC = SecretCacheKey.Dynamic("/a", "t1", new Dictionary<string, string> { ["role"] = "rw", ["ttl"] = "60" });

        Assert.Equal(6, new[] { "/a", versioned, attribute, dynamicA, dynamicC, SecretCacheKey.Rotated("/a", null, null) }.Distinct().Count());
        Assert.Equal(dynamicA, dynamicB);
        Assert.DoesNotContain("rw", dynamicC, StringComparison.Ordinal);
        Assert.All(new[] { versioned, attribute, dynamicA }, k => Assert.Equal("/a", SecretCacheKey.PathOf(k)));
    }
}
