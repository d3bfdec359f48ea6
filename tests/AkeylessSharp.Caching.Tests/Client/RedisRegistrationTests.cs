using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>A bad Redis configuration string fails the registration naming the option, never echoing its value.</summary>
public sealed class RedisRegistrationTests
{
    private const string Secret = "R3dis-Pa55";
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    private static void Valid(AkeylessClientOptions o)
    {
        o.ApiUrl = "http://127.0.0.1:1/";
        o.AccessId = "p-abc";
        o.AccessKey = "k";
    }

    [Theory]
    [InlineData("127.0.0.1:6379,pasword=" + Secret, "pasword")]
    [InlineData("127.0.0.1:6379,ssl=" + Secret, "ssl")]
    [InlineData("127.0.0.1:6379,connectTimeout=" + Secret, "connectTimeout")]
    [InlineData("password=" + Secret, "no server")]
    public void AddRedisCache_ABadConfigurationString_FailsAtRegistration_NamingTheOption(string configuration, string named)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<AkeylessConfigurationException>(() => services.AddAkeyless(Valid).AddRedisCache(configuration, c => c.EncryptionKey = Key));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddRedisCache_ABadConfigurationSetInTheCallback_FailsWhenTheClientIsResolved()
    {
        var services = new ServiceCollection();
        services.AddAkeyless(Valid).AddRedisCache(r => r.Configuration = "127.0.0.1:6379,ssl=" + Secret, c => c.EncryptionKey = Key);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AkeylessConfigurationException>(() => provider.GetRequiredService<IAkeylessClient>());

        Assert.Contains("'ssl'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    public void AddRedisCache_AnEmptyKeyPrefix_FailsTypedNamingIt(string? prefix)
    {
        var services = new ServiceCollection();
        services.AddAkeyless(Valid).AddRedisCache("127.0.0.1:6379,abortConnect=false", c =>
        {
            c.EncryptionKey = Key;
            c.KeyPrefix = prefix!;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<AkeylessConfigurationException>(() => provider.GetRequiredService<IAkeylessClient>());

        Assert.Contains("KeyPrefix", error.Message, StringComparison.Ordinal);
    }
}
