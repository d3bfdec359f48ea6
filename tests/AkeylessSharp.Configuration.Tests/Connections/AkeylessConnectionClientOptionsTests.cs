using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests.Connections;

/// <summary>An Airflow <c>akeyless</c> connection, as an <c>AIRFLOW_CONN_*</c> variable holds it, turned into a working client.</summary>
public class AkeylessConnectionClientOptionsTests
{
    private static readonly Dictionary<string, string> s_secrets = new() { ["/airflow/variables/greeting"] = "hello" };

    [Fact]
    public async Task ToClientOptions_UriAsAirflowWritesIt_ReadsASecretFromTheEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var hostAndPort = Uri.EscapeDataString(fx.Emulator.BaseUrl.Authority);
        var uri = $"akeyless://http://{fx.Emulator.AccessId}:{Uri.EscapeDataString(fx.Emulator.AccessKey)}@{hostAndPort}/?access_type=api_key";

        using var client = new AkeylessClient(AkeylessConnection.Parse(uri).ToClientOptions());

        Assert.Equal("hello", await client.GetSecretAsync("/airflow/variables/greeting"));
    }

    [Fact]
    public async Task ToClientOptions_JsonFormWithExtraObject_ReadsASecretFromTheEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var json = $$"""
            {"conn_type": "akeyless", "host": "{{fx.Emulator.BaseUrl.ToString().TrimEnd('/')}}", "login": "{{fx.Emulator.AccessId}}",
             "password": "{{fx.Emulator.AccessKey}}", "extra": {"access_type": "api_key"} }
            """;

        using var client = new AkeylessClient(AkeylessConnection.Parse(json).ToClientOptions());

        Assert.Equal("hello", await client.GetSecretAsync("/airflow/variables/greeting"));
    }

    [Fact]
    public void ToClientOptions_JsonWithExtraString_ReadsTheUidFieldsAndLeavesLoginUnused()
    {
        var json = """{"conn_type": "akeyless", "host": "https://api.akeyless.io", "login": "p-abc123", "password": "pw", "extra": "{\"access_type\": \"uid\", \"uid_token\": \"u-tok\"}"}""";

        var options = AkeylessConnection.Parse(json).ToClientOptions();

        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal("u-tok", options.UidToken);
        Assert.Null(options.AccessId);
        Assert.Null(options.AccessKey);
    }

    [Theory]
    [InlineData("akeyless://https://p-abc123:k@gw%3A8000%2Fapi%2Fv2/?access_type=api_key", "https://gw:8000/api/v2")]
    [InlineData("""{"conn_type": "akeyless", "host": "gw.example", "port": 8081, "login": "p-abc123", "password": "k"}""", "gw.example:8081")]
    [InlineData("""{"conn_type": "akeyless", "login": "p-abc123", "password": "k"}""", AkeylessClientOptions.DefaultApiUrl)]
    [InlineData("akeyless://https://p-abc123:k@[::1]:8080/api/v2?access_type=api_key", "https://[::1]:8080/api/v2")]
    [InlineData("""{"conn_type": "akeyless", "host": "http://fd00::5", "port": 8081, "login": "p-abc123", "password": "k"}""", "http://[fd00::5]:8081")]
    public void ToClientOptions_HostPortAndSchema_MakeTheApiUrl(string connection, string apiUrl)
    {
        var options = AkeylessConnection.Parse(connection).ToClientOptions();

        Assert.Equal(apiUrl, options.ApiUrl);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal("k", options.AccessKey);
    }

    [Theory]
    [InlineData("postgres://user:pw@db:5432/app", "conn_type")]
    [InlineData("""{"conn_type": "akeyless", "login": "p-abc123", "extra": "not json"}""", "extra")]
    [InlineData("""{"conn_type": "akeyless", "extra": {"access_type": "k8s"}}""", "AccessId")]
    public void ToClientOptions_NotAUsableAkeylessConnection_ThrowsNamingTheField(string connection, string field)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessConnection.Parse(connection).ToClientOptions());

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", ex.Message, StringComparison.Ordinal);
    }
}
