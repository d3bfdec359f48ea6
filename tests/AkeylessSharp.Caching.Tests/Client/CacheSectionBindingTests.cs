using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// The cache overloads taking a configuration section report a value of the wrong type as the client section does: a
/// configuration error naming the full key, never the value (which may be a secret set under the wrong key).
/// </summary>
public sealed class CacheSectionBindingTests
{
    private const string Secret = "s3cr3t-under-the-wrong-key";

    public static TheoryData<string, Action<IAkeylessBuilder, IConfiguration>> Overloads => new()
    {
        { "memory", (b, c) => b.AddMemoryCache(c) },
        { "distributed", (b, c) => b.AddDistributedCache(c) },
    };

    [Theory]
    [MemberData(nameof(Overloads))]
    public void AddCache_FromASectionWithAValueOfTheWrongType_FailsTypedNamingTheKeyNotTheValue(string kind, Action<IAkeylessBuilder, IConfiguration> addCache)
    {
        var error = ResolveWithStaticSecretTtl(Secret, addCache);

        Assert.Contains("SecretCache:StaticSecretTtl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Theory]
    [MemberData(nameof(Overloads))]
    public void AddCache_FromASectionWithADurationAsABareNumber_FailsTypedNamingTheKey(string kind, Action<IAkeylessBuilder, IConfiguration> addCache)
    {
        var error = ResolveWithStaticSecretTtl("300", addCache);

        Assert.Equal("SecretCache:StaticSecretTtl", error.Field);
        Assert.Contains("00:00:30", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    /// <summary>Resolves a client whose cache section holds <paramref name="value"/> as StaticSecretTtl, and returns how that failed.</summary>
    private static AkeylessConfigurationException ResolveWithStaticSecretTtl(string value, Action<IAkeylessBuilder, IConfiguration> addCache)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SecretCache:StaticSecretTtl"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        addCache(services.AddAkeyless(Valid), configuration.GetSection("SecretCache"));
        using var provider = services.BuildServiceProvider();

        return Assert.Throws<AkeylessConfigurationException>(() => provider.GetRequiredService<IAkeylessClient>());
    }

    private static void Valid(AkeylessClientOptions options)
    {
        options.ApiUrl = "http://127.0.0.1:1/";
        options.AccessId = "p-abc";
        options.AccessKey = "k";
    }
}
