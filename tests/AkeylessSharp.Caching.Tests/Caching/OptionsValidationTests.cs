using System.Security.Cryptography;
using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        AkeylessCacheOptionsValidator.EnsureValid(new AkeylessCacheOptions());
        var defaults = new AkeylessCacheOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(2), defaults.BatchWindow);
        Assert.Equal(100, defaults.MaxBatchSize);
        Assert.True(defaults.BatchingEnabled && defaults.StaleIfError && defaults.Enabled);
    }

    public static TheoryData<Action<AkeylessCacheOptions>, string> Invalid => new()
    {
        { o => o.MaxBatchSize = 0, "MaxBatchSize" },
        { o => o.BatchWindow = TimeSpan.FromSeconds(2), "BatchWindow" },
        { o => o.StaticSecretTtl = TimeSpan.FromSeconds(-1), "StaticSecretTtl" },
        { o => o.MaxStale = TimeSpan.FromDays(8), "MaxStale" },
        { o => o.EncryptionKey = Convert.ToBase64String(new byte[16]), "EncryptionKey" },
        { o => o.EncryptionKey = "not base64!", "EncryptionKey" },
        { o => o.EncryptionKeyId = "bad id", "EncryptionKeyId" },
        { o => o.PreviousEncryptionKeys["k0"] = "short", "PreviousEncryptionKeys" },
        { o => o.KeyPrefix = "", "KeyPrefix" },
        { o => o.KeyPrefix = "   ", "KeyPrefix" },
        { o => o.FetchLockFallbackPollInterval = TimeSpan.Zero, "FetchLockFallbackPollInterval" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_Throws_NamingTheField(Action<AkeylessCacheOptions> change, string field)
    {
        var options = new AkeylessCacheOptions();
        change(options);
        var error = Assert.Throws<AkeylessConfigurationException>(() => AkeylessCacheOptionsValidator.EnsureValid(options));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyMessages_AndToString_NeverQuoteTheKey()
    {
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(31));
        var options = new AkeylessCacheOptions { EncryptionKey = key };
        var error = Assert.Throws<AkeylessConfigurationException>(() => AkeylessCacheOptionsValidator.EnsureValid(options));
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, options.ToString(), StringComparison.Ordinal);
    }
}
