using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests;

public class AirflowBackendKwargsTests
{
    private const string ReferenceExample = """
        {
         "connections_path": "/airflow/connections",
         "variables_path": "/airflow/variables",
         "config_path": "/airflow/config",
         "api_url": "https://api.akeyless.io",
         "access_id": "p-abc123",
         "access_key": "key==",
         "access_type": "api_key"
        }
        """;

    [Fact]
    public void FromAirflowBackendKwargs_ReferenceExample_SetsPathsAndClient()
    {
        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs(ReferenceExample);

        Assert.Equal(("/airflow/connections", "/airflow/variables", "/airflow/config"), (options.ConnectionsPath, options.VariablesPath, options.ConfigPath));
        Assert.Equal("https://api.akeyless.io", options.ClientOptions.ApiUrl);
        Assert.Equal("p-abc123", options.ClientOptions.AccessId);
        Assert.Equal("key==", options.ClientOptions.AccessKey);
        Assert.Equal(AkeylessAccessType.ApiKey, options.ClientOptions.AccessType);
    }

    [Fact]
    public void FromAirflowBackendKwargs_NoPaths_TakesTheBackendDefaults()
    {
        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs("""{"access_id":"p-abc123","access_type":"uid","uid_token":"u-tok"}""");

        Assert.Equal(("/airflow/connections", "/airflow/variables", "/airflow/config"), (options.ConnectionsPath, options.VariablesPath, options.ConfigPath));
        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.ClientOptions.AccessType);
        Assert.Equal("u-tok", options.ClientOptions.UidToken);
        Assert.Equal("/", options.Separator);
        Assert.True(options.UseTeamSecretsPath);
    }

    [Fact]
    public void FromAirflowBackendKwargs_NullOrEmptyPath_DisablesIt()
    {
        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs("""{"connections_path":null,"variables_path":"","config_path":"/cfg/","access_id":"p-abc123","access_key":"k"}""");

        Assert.Null(options.ConnectionsPath);
        Assert.Null(options.VariablesPath);
        Assert.Equal("/cfg", options.ConfigPath);
    }

    [Fact]
    public void FromAirflowBackendKwargs_LayoutKeys_AreRead()
    {
        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs(
            """{"sep":"-","use_team_secrets_path":false,"global_secrets_path":"global/","token_ttl":600,"access_id":"p-abc123","access_key":"k","unknown_key":1}""");

        Assert.Equal("-", options.Separator);
        Assert.False(options.UseTeamSecretsPath);
        Assert.Equal("global", options.GlobalPath);
        Assert.Equal(TimeSpan.FromSeconds(600), options.ClientOptions.AuthTokenTtl);
    }

    [Theory]
    [InlineData("{not json", "backend_kwargs")]
    [InlineData("[1]", "backend_kwargs")]
    [InlineData("""{"connections_path":5,"access_id":"p-a1","access_key":"k"}""", "connections_path")]
    [InlineData("""{"use_team_secrets_path":"maybe","access_id":"p-a1","access_key":"k"}""", "use_team_secrets_path")]
    [InlineData("""{"token_ttl":"soon","access_id":"p-a1","access_key":"k"}""", "token_ttl")]
    [InlineData("""{"token_ttl":60,"access_id":"p-a1","access_key":"k"}""", "token_ttl")]
    [InlineData("""{"access_type":"api_key"}""", "AccessId")]
    public void FromAirflowBackendKwargs_BadValue_ThrowsNamingTheKey(string json, string named)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessConfigurationOptions.FromAirflowBackendKwargs(json));

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClientFieldsMissing_FallBackToTheReferenceEnvironmentVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["AKEYLESS_API_URL"] = "https://gw.example:8000/api/v2",
            ["AKEYLESS_ACCESS_ID"] = "p-fromenv1",
            ["AKEYLESS_ACCESS_KEY"] = "env-key",
        };

        var options = AkeylessSharp.Configuration.Internal.AirflowBackendKwargs.Parse("""{"access_id":"p-fromjson1"}""", name => variables.GetValueOrDefault(name));

        Assert.Equal("https://gw.example:8000/api/v2", options.ClientOptions.ApiUrl);
        Assert.Equal("p-fromjson1", options.ClientOptions.AccessId);
        Assert.Equal("env-key", options.ClientOptions.AccessKey);
    }

    [Fact]
    public void Parse_ApiUrlInTheJson_WinsOverTheEnvironmentVariable()
    {
        var options = AkeylessSharp.Configuration.Internal.AirflowBackendKwargs.Parse(
            """{"api_url": "https://from-json.example", "access_id": "p-abc123", "access_key": "k"}""",
            name => name == "AKEYLESS_API_URL" ? "https://from-env.example" : null);

        Assert.Equal("https://from-json.example", options.ClientOptions.ApiUrl);
    }

    [Fact]
    public void FromAirflowBackendKwargs_Section_ReadsTheSameKeys()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airflow:variables_path"] = "/vars",
            ["Airflow:config_path"] = "",
            ["Airflow:access_id"] = "p-abc123",
            ["Airflow:access_key"] = "k",
            ["Airflow:use_team_secrets_path"] = "false",
        }).Build().GetSection("Airflow");

        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs(section);

        Assert.Equal("/airflow/connections", options.ConnectionsPath);
        Assert.Equal("/vars", options.VariablesPath);
        Assert.Null(options.ConfigPath);
        Assert.False(options.UseTeamSecretsPath);
        Assert.Equal("p-abc123", options.ClientOptions.AccessId);
    }

    // Configuration keys ignore case: AKEYLESS__AIRFLOW__CONNECTIONS_PATH arrives as "CONNECTIONS_PATH".
    [Fact]
    public void FromAirflowBackendKwargs_Section_ReadsLayoutKeysInAnyCase_AsItReadsTheClientKeys()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Airflow:CONNECTIONS_PATH"] = "/team/connections",
            ["Airflow:Variables_Path"] = "",
            ["Airflow:SEP"] = "-",
            ["Airflow:GLOBAL_SECRETS_PATH"] = "shared",
            ["Airflow:USE_TEAM_SECRETS_PATH"] = "false",
            ["Airflow:TOKEN_TTL"] = "600",
            ["Airflow:ACCESS_ID"] = "p-abc123",
            ["Airflow:ACCESS_KEY"] = "k",
        }).Build().GetSection("Airflow");

        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs(section);

        Assert.Equal("p-abc123", options.ClientOptions.AccessId);
        Assert.Equal("/team/connections", options.ConnectionsPath);
        Assert.Null(options.VariablesPath);
        Assert.Equal("-", options.Separator);
        Assert.Equal("shared", options.GlobalPath);
        Assert.False(options.UseTeamSecretsPath);
        Assert.Equal(TimeSpan.FromSeconds(600), options.ClientOptions.AuthTokenTtl);
    }

    [Fact]
    public async Task FromAirflowBackendKwargs_AgainstEmulator_LoadsTheDefaultPaths()
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string>
        {
            ["/airflow/connections/pg"] = "postgresql://u:p@db:5432/app",
            ["/airflow/variables/color"] = "blue",
            ["/airflow/config/smtp_host"] = """{"value":"smtp.example.com"}""",
        });
        var kwargs = $$"""{"api_url":"{{fx.Emulator.BaseUrl}}","access_id":"{{fx.Emulator.AccessId}}","access_key":"{{fx.Emulator.AccessKey}}","access_type":"api_key"}""";
        var options = AkeylessConfigurationOptions.FromAirflowBackendKwargs(kwargs);
        options.ClientOptions.MaxRetries = 0;

        var config = new ConfigurationBuilder().AddAkeyless(options).Build();
        using var disposable = (IDisposable)config;

        Assert.Equal("db", config["Connections:pg:Host"]);
        Assert.Equal("blue", config["Variables:color"]);
        Assert.Equal("smtp.example.com", config["Config:smtp_host"]);
    }
}
