using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Tests.Settings;

/// <summary>The source-generated (AOT-safe) binding of client options: the reference spellings of AccessType still work.</summary>
public sealed class AkeylessClientOptionsFromConfigurationTests
{
    [Theory]
    [InlineData("api_key", AkeylessAccessType.ApiKey)]
    [InlineData("uid", AkeylessAccessType.UniversalIdentity)]
    [InlineData("k8s", AkeylessAccessType.Kubernetes)]
    [InlineData("Certificate", AkeylessAccessType.Certificate)]
    [InlineData("azure_ad", AkeylessAccessType.AzureAd)]
    public void FromConfiguration_AccessTypeSpelling_BindsEnumAndOtherKeys(string spelling, AkeylessAccessType expected)
    {
        var section = Section(("AccessType", spelling), ("AccessId", "p-abc123"), ("Timeout", "00:00:42"), ("Cache:StaticSecretTtl", "00:02:00"));

        var options = AkeylessClientOptions.FromConfiguration(section);

        Assert.Equal(expected, options.AccessType);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Cache?.StaticSecretTtl);
    }

    [Fact]
    public void FromConfiguration_UidTokenRotationInterval_Binds()
    {
        var options = AkeylessClientOptions.FromConfiguration(Section(("AccessType", "uid"), ("UidToken", "u-1"), ("UidTokenRotationInterval", "00:30:00")));

        Assert.Equal(TimeSpan.FromMinutes(30), options.UidTokenRotationInterval);
        Assert.Null(options.OnUidTokenRotated);
    }

    [Fact]
    public void FromConfiguration_ReferenceSpelling_DoesNotWriteIntoTheCallersConfiguration()
    {
        var section = Section(("AccessType", "api_key"));

        _ = AkeylessClientOptions.FromConfiguration(section);

        Assert.Equal("api_key", section["AccessType"]);
    }

    [Fact]
    public void FromConfiguration_UnknownAccessType_ThrowsNamingFullKeyAndAllowedNamesNotValue()
    {
        var section = Section(("AccessType", "telepathy"));

        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConfiguration(section));

        Assert.Equal("Akeyless:AccessType", ex.Field);
        Assert.Contains("'Akeyless:AccessType'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(AkeylessAccessTypeNames.AllowedNames, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("telepathy", ex.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Akeyless:" + v.Key, v.Value)))
            .Build()
            .GetSection("Akeyless");
}
