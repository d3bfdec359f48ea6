using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Internal;

public class OptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Validate_BatchSizeOutOfRange_NamesFieldAndValue(int batchSize)
    {
        var options = new AkeylessConfigurationOptions { BatchSize = batchSize };
        options.BasePaths.Add("/x");

        var ex = Assert.Throws<AkeylessConfigurationException>(() => OptionsValidator.Validate(options));
        Assert.Equal("BatchSize", ex.Field);
        Assert.Contains(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingSelected_Throws()
    {
        var options = new AkeylessConfigurationOptions { ResolveSecretReferences = false };

        Assert.Throws<AkeylessConfigurationException>(() => OptionsValidator.Validate(options));
    }

    [Fact]
    public void Validate_TeamContainingSeparator_Throws()
    {
        var options = new AkeylessConfigurationOptions { Team = "a/b", ConnectionsPath = "/c" };

        Assert.Equal("Team", Assert.Throws<AkeylessConfigurationException>(() => OptionsValidator.Validate(options)).Field);
    }

    [Fact]
    public void Validate_NonPositiveReloadInterval_Throws()
    {
        var options = new AkeylessConfigurationOptions { ReloadInterval = TimeSpan.Zero };

        Assert.Equal("ReloadInterval", Assert.Throws<AkeylessConfigurationException>(() => OptionsValidator.Validate(options)).Field);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(10675199)]
    public void Build_ReloadIntervalLongerThanATimerCanWait_ThrowsConfigurationErrorNamingIt(int days)
    {
        var builder = new ConfigurationBuilder().AddAkeyless(o =>
        {
            o.Client = new TestSupport.FakeAkeylessClient().Set("/app/A", "a");
            o.BasePaths.Add("/app");
            o.ReloadInterval = TimeSpan.FromDays(days);
        });

        var ex = Assert.Throws<AkeylessConfigurationException>(builder.Build);

        Assert.Equal("ReloadInterval", ex.Field);
        Assert.Contains("at most 49 days", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullTimeProvider_Throws()
    {
        var options = new AkeylessConfigurationOptions { TimeProvider = null!, ReloadInterval = TimeSpan.FromMinutes(1) };
        options.BasePaths.Add("/x");

        Assert.Equal("TimeProvider", Assert.Throws<AkeylessConfigurationException>(() => OptionsValidator.Validate(options)).Field);
    }

    [Fact]
    public void ToString_ClientOptionsWithKey_NeverPrintsIt()
    {
        var options = new AkeylessConfigurationOptions();
        options.ClientOptions.AccessKey = "VerySecretKey";

        Assert.DoesNotContain("VerySecretKey", options.ToString(), StringComparison.Ordinal);
    }
}
