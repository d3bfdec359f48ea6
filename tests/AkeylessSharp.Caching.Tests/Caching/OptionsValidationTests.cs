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

    [Theory]
    [InlineData("plain")]
    [InlineData("whitespace")]
    [InlineData("unpadded")]
    [InlineData("url-safe")]
    [InlineData("33 bytes")]
    [InlineData("trailing junk")]
    public void EncryptionKeyVariants_AreRefusedAsConfiguration_OrUsableAsA256BitKey(string variant)
    {
        byte[] raw = RandomNumberGenerator.GetBytes(32);
        raw[0] = 0xFB; // base64 of 0xFB.. starts with '+', which base64url spells '-'.
        string standard = Convert.ToBase64String(raw);
        string key = variant switch
        {
            "plain" => standard,
            "whitespace" => $" {standard[..20]}\n{standard[20..]}\t",
            "unpadded" => standard.TrimEnd('='),
            "url-safe" => standard.Replace('+', '-').Replace('/', '_'),
            "33 bytes" => Convert.ToBase64String([.. raw, 1]),
            _ => standard + "AAAA=",
        };
        var options = new AkeylessCacheOptions { EncryptionKey = key, PreviousEncryptionKeys = { ["k0"] = key } };

        try
        {
            AkeylessCacheOptionsValidator.EnsureValid(options);
        }
        catch (AkeylessConfigurationException)
        {
            Assert.NotEqual("plain", variant);
            return;
        }

        // Accepted: the protector must build from it (no FormatException) and round-trip with exactly these 32 bytes.
        var protector = AesGcmSecretProtector.FromOptions(options);
        Assert.True(new AesGcmSecretProtector("k1", raw).TryUnprotect("/a", protector.Protect("/a", "v"), out string? value, out _));
        Assert.Equal("v", value);
    }
}
