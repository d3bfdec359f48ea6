using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Tests.DependencyInjection;

/// <summary>A client that could not be built (its configuration was invalid) is built once the configuration is corrected.</summary>
public sealed class ClientFactoryRecoveryTests
{
    [Fact]
    public void CreateClient_AfterInvalidOptionsAreCorrectedAndReloaded_BuildsTheClient()
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Akeyless:ApiUrl"] = "http://127.0.0.1:1/",
            ["Akeyless:AccessId"] = "p-abc",
            ["Akeyless:AccessKey"] = "k",
            ["Akeyless:MaxRetries"] = "99",
        }).Build();
        var services = new ServiceCollection();
        services.AddAkeyless("reports", root.GetSection("Akeyless"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IAkeylessClientFactory>();
        var invalid = Assert.Throws<AkeylessConfigurationException>(() => factory.CreateClient("reports"));
        Assert.Contains("'reports'", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries", invalid.Message, StringComparison.Ordinal);
        Assert.IsType<OptionsValidationException>(invalid.InnerException);

        root["Akeyless:MaxRetries"] = "2";
        root.Reload();

        Assert.Equal(2, Assert.IsType<AkeylessClient>(factory.CreateClient("reports")).Options.MaxRetries);
    }
}
