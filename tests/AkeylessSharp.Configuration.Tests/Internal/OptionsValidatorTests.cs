using AkeylessSharp.Configuration.Internal;

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

    [Fact]
    public void ToString_ClientOptionsWithKey_NeverPrintsIt()
    {
        var options = new AkeylessConfigurationOptions();
        options.ClientOptions.AccessKey = "VerySecretKey";

        Assert.DoesNotContain("VerySecretKey", options.ToString(), StringComparison.Ordinal);
    }
}
