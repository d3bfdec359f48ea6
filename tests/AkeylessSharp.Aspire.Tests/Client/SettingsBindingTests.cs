using AkeylessSharp.Aspire.Internal;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Aspire.Tests.Client;

/// <summary>How the client integration reads its settings: shared section, connection section, connection string, code.</summary>
public sealed class SettingsBindingTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Read_BindsTheDisableFlagsAndTimeoutFromTheClientSection()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:DisableHealthChecks", "true"),
            ("Aspire:Akeyless:Client:DisableTracing", "true"),
            ("Aspire:Akeyless:Client:DisableMetrics", "true"),
            ("Aspire:Akeyless:Client:HealthCheckTimeout", "00:00:05"));

        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);

        Assert.True(settings.DisableHealthChecks);
        Assert.True(settings.DisableTracing);
        Assert.True(settings.DisableMetrics);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HealthCheckTimeout);
    }

    [Fact]
    public void Read_TheConnectionSectionOverridesTheSharedOne_AndCodeOverridesBoth()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:DisableTracing", "true"),
            ("Aspire:Akeyless:Client:DisableMetrics", "true"),
            ("Aspire:Akeyless:Client:prod:DisableTracing", "false"));

        var settings = ConnectionSettings.Read(configuration, "prod", s => s.DisableMetrics = false);

        Assert.False(settings.DisableTracing);
        Assert.False(settings.DisableMetrics);
    }

    [Fact]
    public void Read_ConnectionStringsEntryWinsOverTheSettingsConnectionString()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ConnectionString", "ApiUrl=http://127.0.0.1:1/;AccessId=p-settings;AccessKey=a"),
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:2/;AccessId=p-apphost;AccessKey=b"));

        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);

        Assert.Contains("p-apphost", settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TheConnectionStringSetsEndpointAndCredential_ClientOptionsKeepTheirTuning()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:ApiUrl", "https://ignored.example.test"),
            ("Aspire:Akeyless:Client:ClientOptions:MaxRetries", "7"),
            ("Aspire:Akeyless:Client:ClientOptions:Timeout", "00:00:42"),
            ("ConnectionStrings:akeyless", "akeyless+http://p-abc:s3cret@127.0.0.1:8321?access_type=api_key"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.StartsWith("http://127.0.0.1:8321", options.ApiUrl, StringComparison.Ordinal);
        Assert.Equal("p-abc", options.AccessId);
        Assert.Equal("s3cret", options.AccessKey);
        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeout);
    }

    [Theory]
    [InlineData("ApiUrl=http://127.0.0.1:8321;AccessId=p-abc;AccessKey=s3cret;Timeout=5;MaxRetries=2", 2)]
    [InlineData("akeyless+http://p-abc:s3cret@127.0.0.1:8321?timeout=5&max_retries=2", 2)]
    [InlineData("ApiUrl=http://127.0.0.1:8321;AccessId=p-abc;AccessKey=s3cret;Timeout=5;MaxRetries=3", 3)]
    public void Apply_SettingsTheConnectionStringNames_WinOverTheClientOptions(string connectionString, int maxRetries)
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:MaxRetries", "7"),
            ("Aspire:Akeyless:Client:ClientOptions:Timeout", "00:00:42"),
            ("ConnectionStrings:akeyless", connectionString));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(maxRetries, options.MaxRetries);
    }

    [Fact]
    public void Apply_AConnectionStringNamingACaBundle_KeepsIt()
    {
        var configuration = Configuration(("ConnectionStrings:akeyless", "ApiUrl=https://gw.example.test;AccessId=p-abc;AccessKey=s3cret;GatewayCaBundlePath=/etc/ca.pem"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.Equal("/etc/ca.pem", options.GatewayCaBundlePath);
    }

    [Fact]
    public void Apply_AConnectionStringWithoutApiUrl_KeepsTheConfiguredGatewayAsTheOriginOfTheKey()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:ApiUrl", "https://gw.example.test"),
            ("ConnectionStrings:akeyless", "AccessId=p-abc;AccessKey=s3cret"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.Equal("https://gw.example.test", options.ApiUrl);
        Assert.Equal("p-abc", options.AccessId);
        Assert.Equal("s3cret", options.AccessKey);
    }

    [Theory]
    [InlineData("ApiUrl=https://api.akeyless.io;AccessId=p-abc;AccessKey=s3cret")]
    [InlineData("api_url=https://api.akeyless.io;AccessId=p-abc;AccessKey=s3cret")]
    [InlineData("akeyless://p-abc:s3cret@api.akeyless.io")]
    public void Apply_AConnectionStringNamingTheDefaultApiUrl_StillWinsOverTheClientOptions(string connectionString)
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:ApiUrl", "https://gw.example.test"),
            ("ConnectionStrings:akeyless", connectionString));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.StartsWith("https://api.akeyless.io", options.ApiUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_WithoutAConnectionString_UsesTheClientOptionsSection()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:ApiUrl", "https://gw.example.test"),
            ("Aspire:Akeyless:Client:ClientOptions:AccessType", "Jwt"),
            ("Aspire:Akeyless:Client:ClientOptions:AccessId", "p-jwt"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);

        Assert.Equal("https://gw.example.test", options.ApiUrl);
        Assert.Equal(AkeylessAccessType.Jwt, options.AccessType);
    }

    [Fact]
    public void Apply_ClientOptionsSection_TakesTheReferenceSpellingsOfAccessTypes_AsAddAkeylessDoes()
    {
        var configuration = Configuration(
            ("Aspire:Akeyless:Client:ClientOptions:AccessType", "api_key"),
            ("Aspire:Akeyless:Client:prod:ClientOptions:AccessType", "k8s"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);
        var options = new AkeylessClientOptions();
        var prod = new AkeylessClientOptions();

        ConnectionSettings.Apply(options, configuration, "akeyless", settings);
        ConnectionSettings.Apply(prod, configuration, "prod", settings);

        Assert.Equal(AkeylessAccessType.ApiKey, options.AccessType);
        Assert.Equal(AkeylessAccessType.Kubernetes, prod.AccessType);
    }

    [Fact]
    public void Apply_ADurationWrittenAsABareNumber_IsAConfigurationErrorNamingTheKey()
    {
        var configuration = Configuration(("Aspire:Akeyless:Client:ClientOptions:Timeout", "30"));
        var settings = ConnectionSettings.Read(configuration, "akeyless", configureSettings: null);

        var error = Assert.Throws<AkeylessConfigurationException>(() => ConnectionSettings.Apply(new AkeylessClientOptions(), configuration, "akeyless", settings));

        Assert.Equal("Aspire:Akeyless:Client:ClientOptions:Timeout", error.Field);
        Assert.Contains("00:00:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfMissing_NamesBothPlacesAConnectionCanComeFrom()
    {
        var configuration = Configuration();
        var settings = ConnectionSettings.Read(configuration, "orders", configureSettings: null);

        var error = Assert.Throws<AkeylessConfigurationException>(() => ConnectionSettings.ThrowIfMissing(configuration, "orders", settings, configuredInCode: false));

        Assert.Contains("ConnectionStrings:orders", error.Message, StringComparison.Ordinal);
        Assert.Contains("Aspire:Akeyless:Client:ClientOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_ToString_NeverShowsTheConnectionString()
    {
        var settings = new AkeylessClientSettings { ConnectionString = "ApiUrl=http://127.0.0.1:1/;AccessId=p-x;AccessKey=very-secret-key" };

        Assert.DoesNotContain("very-secret-key", settings.ToString(), StringComparison.Ordinal);
    }
}
