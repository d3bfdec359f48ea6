using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests;

public class ConfigurationBindingTests
{
    private static readonly Dictionary<string, string?> s_settings = new()
    {
        ["Akeyless:ApiUrl"] = "http://127.0.0.1:1/",
        ["Akeyless:AccessId"] = "p-abc123",
        ["Akeyless:AccessType"] = "uid",
        ["Akeyless:UidToken"] = "u-token",
        ["Akeyless:BasePaths:0"] = "/app/prod",
        ["Akeyless:Paths:0"] = "/shared/x",
        ["Akeyless:ConnectionsPath"] = "/airflow/connections",
        ["Akeyless:Team"] = "blue",
        ["Akeyless:UseTeamSecretsPath"] = "false",
        ["Akeyless:ReloadInterval"] = "00:05:00",
        ["Akeyless:BatchSize"] = "50",
        ["Akeyless:Optional"] = "true",
        ["Akeyless:DuplicateKeyPolicy"] = "Throw",
    };

    [Fact]
    public void AddAkeyless_Section_BindsProviderAndClientSettings()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(s_settings).Build();
        var builder = new ConfigurationBuilder();

        builder.AddAkeyless(settings.GetSection("Akeyless"), o => o.Client = new FakeAkeylessClient());

        var options = builder.Sources.OfType<AkeylessConfigurationSource>().Single().Options;
        Assert.Equal(["/app/prod"], options.BasePaths);
        Assert.Equal(["/shared/x"], options.Paths);
        Assert.Equal("/airflow/connections", options.ConnectionsPath);
        Assert.Equal("blue", options.Team);
        Assert.False(options.UseTeamSecretsPath);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ReloadInterval);
        Assert.Equal(50, options.BatchSize);
        Assert.True(options.Optional);
        Assert.Equal(DuplicateKeyPolicy.Throw, options.DuplicateKeyPolicy);
        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.ClientOptions.AccessType);
        Assert.Equal("p-abc123", options.ClientOptions.AccessId);
        Assert.Equal("u-token", options.ClientOptions.UidToken);
    }

    [Theory]
    [InlineData("ReloadInterval")]
    [InlineData("Timeout")]
    public void AddAkeyless_Section_ADurationAsABareNumber_IsAConfigurationErrorNamingTheKey(string key)
    {
        var values = new Dictionary<string, string?>(s_settings) { ["Akeyless:" + key] = "300" };
        var settings = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Akeyless");

        var error = Assert.Throws<AkeylessConfigurationException>(() => new ConfigurationBuilder().AddAkeyless(settings, configure: null));

        Assert.Equal("Akeyless:" + key, error.Field);
    }

    [Fact]
    public void AddAkeyless_SectionName_ReadsConfigurationManagerValues()
    {
        var manager = new ConfigurationManager();
        manager.AddInMemoryCollection(s_settings);

        manager.AddAkeyless("Akeyless", o => { o.Client = new FakeAkeylessClient(); o.Optional = true; });

        var options = ((IConfigurationBuilder)manager).Sources.OfType<AkeylessConfigurationSource>().Single().Options;
        Assert.Equal("/airflow/connections", options.ConnectionsPath);
        manager.Dispose();
    }

    [Fact]
    public void AddAkeyless_NoClientGiven_CreatesOneFromClientOptions()
    {
        var builder = new ConfigurationBuilder().AddAkeyless(o =>
        {
            o.ClientOptions.ApiUrl = "http://127.0.0.1:9/";
            o.ClientOptions.AccessId = "p-abc123";
            o.ClientOptions.AccessKey = "SuperSecretAccessKey1";
            o.ClientOptions.MaxRetries = 0;
            o.BasePaths.Add("/x");
            o.Optional = true;
        });

        var config = builder.Build();

        var provider = config.Providers.OfType<AkeylessConfigurationProvider>().Single();
        Assert.IsAssignableFrom<AkeylessException>(provider.LastError);
        Assert.DoesNotContain("SuperSecretAccessKey1", provider.LastError!.ToString(), StringComparison.Ordinal);
        ((IDisposable)config).Dispose();
    }

    [Fact]
    public void AddAkeyless_EnvironmentVariables_ConfigureThePlainBuilderForm()
    {
        // A prefix no other test uses keeps this process-wide state private to this test.
        Environment.SetEnvironmentVariable("AKSCFGTEST6_Akeyless__BasePaths__0", "/env/app");
        Environment.SetEnvironmentVariable("AKSCFGTEST6_Akeyless__AccessId", "p-env123");
        try
        {
            var client = new FakeAkeylessClient().Set("/env/app/Greeting", "hi");
            var builder = new ConfigurationBuilder().AddEnvironmentVariables("AKSCFGTEST6_");

            var config = builder.AddAkeyless("Akeyless", o => o.Client = client).Build();

            Assert.Equal("hi", config["Greeting"]);
            Assert.Equal("p-env123", builder.Sources.OfType<AkeylessConfigurationSource>().Single().Options.ClientOptions.AccessId);
            ((IDisposable)config).Dispose();
        }
        finally
        {
            Environment.SetEnvironmentVariable("AKSCFGTEST6_Akeyless__BasePaths__0", null);
            Environment.SetEnvironmentVariable("AKSCFGTEST6_Akeyless__AccessId", null);
        }
    }

    [Fact]
    public void AddAkeyless_SectionOnAPlainBuilder_ReadsItsSettingsWithoutLoadingAnAkeylessSourceAddedBefore()
    {
        var first = new FakeAkeylessClient().Set("/first/A", "a");
        var second = new FakeAkeylessClient().Set("/second/B", "b");
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Other:BasePaths:0"] = "/second" })
            .AddAkeyless(o => { o.Client = first; o.BasePaths.Add("/first"); });

        builder.AddAkeyless("Other", o => o.Client = second);

        Assert.Equal(0, first.ListRequests);
        Assert.Equal(["/second"], builder.Sources.OfType<AkeylessConfigurationSource>().Last().Options.BasePaths);
        var config = builder.Build();
        Assert.Equal(1, first.ListRequests);
        Assert.Equal("a", config["A"]);
        Assert.Equal("b", config["B"]);
        ((IDisposable)config).Dispose();
    }

    [Theory]
    [InlineData("Akeyless:ReloadInterval", "soon")]
    [InlineData("Akeyless:BatchSize", "lots")]
    [InlineData("Akeyless:DuplicateKeyPolicy", "Sometimes")]
    [InlineData("Akeyless:Optional", "maybe")]
    [InlineData("Akeyless:MaxRetries", "many")]
    [InlineData("Akeyless:Timeout", "forever")]
    public void AddAkeyless_Section_AValueOfTheWrongType_FailsTypedNamingTheKey(string key, string value)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(s_settings) { [key] = value }).Build();
        var builder = new ConfigurationBuilder();

        var error = Assert.Throws<AkeylessConfigurationException>(() => builder.AddAkeyless(settings.GetSection("Akeyless"), o => o.Client = new FakeAkeylessClient()));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
    }
}
