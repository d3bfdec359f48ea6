using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Tests.Settings;

/// <summary>
/// A value of the wrong type in the client's configuration section fails typed, naming the full key and the expected type;
/// the value itself (maybe a secret set under the wrong key) never appears.
/// </summary>
public sealed class ConfigurationValueTypeTests
{
    private const string Misplaced = "s3cr3t-under-the-wrong-key";

    [Theory]
    [InlineData("ApiKey", "Timeout", "Akeyless:Timeout", "TimeSpan")]
    [InlineData("uid", "Timeout", "Akeyless:Timeout", "TimeSpan")]
    [InlineData("api_key", "MaxRetries", "Akeyless:MaxRetries", "Int32")]
    [InlineData(null, "IncludePathInTraces", "Akeyless:IncludePathInTraces", "Boolean")]
    [InlineData("k8s", "Cache:StaticSecretTtl", "Akeyless:Cache:StaticSecretTtl", "TimeSpan")]
    public void FromConfiguration_WrongType_ThrowsNamingFullKeyAndTypeNotValue(string? accessType, string key, string fullKey, string type)
    {
        var section = Section(accessType, key);

        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConfiguration(section));

        AssertDescribes(ex, fullKey, type);
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("uid")]
    public void AddAkeyless_Section_WrongType_FailsTypedWhenResolvedNamingFullKey(string accessType)
    {
        var services = new ServiceCollection();
        services.AddAkeyless(Section(accessType, "Timeout"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<AkeylessConfigurationException>(() => provider.GetRequiredService<IOptionsMonitor<AkeylessClientOptions>>().Get(Options.DefaultName));

        AssertDescribes(ex, "Akeyless:Timeout", "TimeSpan");
    }

    private static void AssertDescribes(AkeylessConfigurationException ex, string fullKey, string type)
    {
        Assert.Equal(fullKey, ex.Field);
        Assert.Contains($"'{fullKey}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(type, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Misplaced, ex.ToString(), StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    private static IConfigurationSection Section(string? accessType, string key)
    {
        var values = new Dictionary<string, string?> { ["Akeyless:AccessId"] = "p-abc123", ["Akeyless:" + key] = Misplaced };
        if (accessType is not null)
        {
            values["Akeyless:AccessType"] = accessType;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Akeyless");
    }
}
