using AkeylessSharp.Auth.Internal;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Tests.Auth;

public sealed class TokenExpiryTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 9, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_CredsExpiry_UsesUnixSeconds()
    {
        var response = new AuthResponse { Token = "t", Creds = new AuthCreds { Expiry = 1765316100 }, Expiration = "2030-01-01T00:00:00Z" };

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1765316100), TokenExpiry.From(response, Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void From_CredsExpiryZero_IsTheEpochNotTheFallbackLikeClearskies()
    {
        var response = new AuthResponse { Token = "t", Creds = new AuthCreds { Expiry = 0 }, Expiration = "2030-01-01T00:00:00Z" };

        Assert.Equal(DateTimeOffset.UnixEpoch, TokenExpiry.From(response, Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void From_TopLevelExpiryWithoutCreds_UsesUnixSecondsLikeClearskiesForStaticCredsAuth()
    {
        var response = new AuthResponse { Token = "t", Expiry = 1765316100, Expiration = "2030-01-01T00:00:00Z" };

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1765316100), TokenExpiry.From(response, Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void From_CredsAndTopLevelExpiry_CredsWins()
    {
        var response = new AuthResponse { Token = "t", Creds = new AuthCreds { Expiry = 1765316100 }, Expiry = 1765400000 };

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1765316100), TokenExpiry.From(response, Now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void From_CredsWithoutExpiry_FallsBackToTtl()
    {
        var response = new AuthResponse { Token = "t", Creds = new AuthCreds { Token = "t" } };

        Assert.Equal(Now.AddHours(1), TokenExpiry.From(response, Now, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("2025-12-09 21:35:00 +0000 UTC")]
    [InlineData("2025-12-09 21:35:00.123 +0000 UTC m=+3600.0001")]
    [InlineData("2025-12-09T21:35:00Z")]
    [InlineData("2025-12-09T23:35:00+02:00")]
    [InlineData("2025-12-09 21:35:00.123456789 +0000 UTC")]
    [InlineData("2025-12-09 21:35:00.123456789 +0000 UTC m=+3600.000000001")]
    [InlineData("2025-12-09T21:35:00.123456789Z")]
    [InlineData("2025-12-09 16:35:00 -0500 EST")]
    [InlineData("2025-12-10 03:05:00.5 +0530 IST")]
    public void From_Expiration_ParsesRfc3339AndGoStyle(string expiration)
    {
        var expiry = TokenExpiry.From(new AuthResponse { Token = "t", Expiration = expiration }, Now, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2025, 12, 9, 21, 35, 0, TimeSpan.Zero), expiry.AddTicks(-(expiry.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void From_NoExpiry_FallsBackToTtl(string? expiration)
    {
        var expiry = TokenExpiry.From(new AuthResponse { Token = "t", Expiration = expiration }, Now, TimeSpan.FromSeconds(3600));

        Assert.Equal(Now.AddHours(1), expiry);
    }
}
