namespace AkeylessSharp.Tests.Settings;

/// <summary>Every default the two Python references state, on a fresh <see cref="AkeylessClientOptions"/>.</summary>
public sealed class ReferenceDefaultsTests
{
    private readonly AkeylessClientOptions _options = new();

    [Fact]
    public void ApiUrl_DefaultsToTheSaasEndpoint_LikeApiHostAndApiUrl() =>
        Assert.Equal("https://api.akeyless.io", _options.ApiUrl);

    [Fact]
    public void AccessType_DefaultsToApiKey_LikeTheAirflowConnection() =>
        Assert.Equal(AkeylessAccessType.ApiKey, _options.AccessType);

    [Fact]
    public void AuthTokenTtl_DefaultsTo3600Seconds_LikeClearskies() =>
        Assert.Equal(TimeSpan.FromSeconds(3600), _options.AuthTokenTtl);

    [Fact]
    public void TokenRefreshBuffer_DefaultsTo300Seconds_LikeClearskies() =>
        Assert.Equal(TimeSpan.FromSeconds(300), _options.TokenRefreshBuffer);

    [Fact]
    public void Profile_DefaultsToDefault_LikeClearskies() =>
        Assert.Equal("default", _options.Profile);

    [Fact]
    public void GcpAudience_DefaultsToAkeylessIo_LikeTheSdksAuthModel() =>
        Assert.Equal("akeyless.io", _options.GcpAudience);

    [Fact]
    public void Cache_IsOffByDefault_LikeCacheStorageNone()
    {
        Assert.Null(_options.Cache);
        Assert.Null(_options.SecretCache);
    }

    [Fact]
    public void JwtEnvironmentVariable_AndAzureObjectId_AreUnsetByDefault_LikeJwtEnvKeyAndAzureObjectId()
    {
        Assert.Null(_options.JwtEnvironmentVariable);
        Assert.Null(_options.AzureObjectId);
    }
}
