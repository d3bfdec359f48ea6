using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Tests.Settings;

/// <summary>
/// A duration written as a bare number in configuration reads as days in .NET (<c>"1"</c> is a day), where this library's
/// connection strings and environment variables read seconds: refused, naming the key and the spelling to use.
/// </summary>
public sealed class BareNumberDurationTests
{
    private static IConfigurationSection Section(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new($"Akeyless:{key}", value)]).Build().GetSection("Akeyless");

    [Theory]
    [InlineData("Timeout", "1")]
    [InlineData("AttemptTimeout", " 30 ")]
    [InlineData("TotalRequestTimeout", "-5")]
    [InlineData("AuthTokenTtl", "3600")]
    [InlineData("UidTokenRotationInterval", "60")]
    [InlineData("Cache:StaticSecretTtl", "300")]
    [InlineData("Cache:FetchLockPollInterval", "0")]
    public void FromConfiguration_BareNumberDuration_ThrowsNamingTheKeyAndTheSpelling(string key, string value)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConfiguration(Section(key, value)));

        Assert.Equal("Akeyless:" + key, ex.Field);
        Assert.Contains("days", ex.Message.Replace("a day", "days", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("00:00:30", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Timeout", "00:00:30", 30)]
    [InlineData("Timeout", "1.00:00:00", 86_400)]
    [InlineData("Cache:StaticSecretTtl", "00:05:00", 300)]
    public void FromConfiguration_TimeSpanSpelling_Binds(string key, string value, int seconds)
    {
        var options = AkeylessClientOptions.FromConfiguration(Section(key, value));

        var bound = key.StartsWith("Cache:", StringComparison.Ordinal) ? options.Cache!.StaticSecretTtl : options.Timeout;
        Assert.Equal(TimeSpan.FromSeconds(seconds), bound);
    }

    [Fact]
    public void FromConfiguration_ANumberUnderAnotherKey_IsNotADuration() =>
        Assert.Equal(7, AkeylessClientOptions.FromConfiguration(Section("MaxRetries", "7")).MaxRetries);
}
