using AkeylessSharp.Configuration.Tests.TestSupport;

namespace AkeylessSharp.Configuration.Tests;

public class SecretsBackendTests
{
    private static AkeylessSecretsBackend Backend(FakeAkeylessClient client, string? team = null, string? globalPath = null) =>
        new(client, new AkeylessConfigurationOptions
        {
            ConnectionsPath = "/airflow/connections",
            VariablesPath = "/airflow/variables",
            ConfigPath = "/airflow/config",
            Team = team,
            GlobalPath = globalPath,
        });

    [Fact]
    public async Task GetConnectionAsync_Present_ParsesIt()
    {
        var client = new FakeAkeylessClient().Set("/airflow/connections/postgres_default", "postgresql://u:p@h:5432/db");

        var c = await Backend(client).GetConnectionAsync("postgres_default");

        Assert.NotNull(c);
        Assert.Equal("h", c.Host);
        Assert.Equal(1, client.TryGetRequests);
    }

    [Fact]
    public async Task GetVariableAsync_CustomSeparator_KeyEndingWithIt_ReadsThatKeyLikeAirflow()
    {
        // Airflow reads f"{base}{sep}{key}": "k-" under sep "-" is "/airflow/variables-k-", never the other secret "/airflow/variables-k".
        var client = new FakeAkeylessClient().Set("/airflow/variables-k", "other").Set("/airflow/variables-k-", "mine");
        var backend = new AkeylessSecretsBackend(client, new AkeylessConfigurationOptions { VariablesPath = "/airflow/variables", Separator = "-" });

        Assert.Equal("mine", await backend.GetVariableAsync("k-"));
    }

    [Fact]
    public async Task GetAsync_Absent_ReturnsNull()
    {
        var backend = Backend(new FakeAkeylessClient());

        Assert.Null(await backend.GetConnectionAsync("none"));
        Assert.Null(await backend.GetVariableAsync("none"));
        Assert.Null(await backend.GetConfigAsync("none"));
    }

    [Fact]
    public async Task GetVariableAsync_ValueField_IsUnwrapped()
    {
        var client = new FakeAkeylessClient().Set("/airflow/variables/v", """{"value":"x"}""").Set("/airflow/config/smtp_host", "smtp");

        Assert.Equal("x", await Backend(client).GetVariableAsync("v"));
        Assert.Equal("smtp", await Backend(client).GetConfigAsync("smtp_host"));
    }

    [Fact]
    public async Task GetVariableAsync_DisabledPath_ReturnsNullWithoutRequest()
    {
        var client = new FakeAkeylessClient().Set("/v", "x");
        var backend = new AkeylessSecretsBackend(client, new AkeylessConfigurationOptions { VariablesPath = "" });

        Assert.Null(await backend.GetVariableAsync("v"));
        Assert.Equal(0, client.TryGetRequests);
    }

    [Fact]
    public async Task GetVariableAsync_Team_TriesTeamThenGlobal()
    {
        var client = new FakeAkeylessClient().Set("/airflow/variables/blue/a", "team").Set("/airflow/variables/shared/b", "global").Set("/airflow/variables/b", "base");

        var backend = Backend(client, "blue", "shared");

        Assert.Equal("team", await backend.GetVariableAsync("a"));
        Assert.Equal("global", await backend.GetVariableAsync("b"));
    }

    [Fact]
    public async Task GetConfigAsync_TeamSet_ReadsOnlyTheUnscopedPath()
    {
        var client = new FakeAkeylessClient().Set("/airflow/config/blue/smtp_host", "team").Set("/airflow/config/smtp_host", "global");

        Assert.Equal("global", await Backend(client, "blue").GetConfigAsync("smtp_host"));
        Assert.Equal(1, client.TryGetRequests);
    }

    [Fact]
    public async Task GetAsync_PerLookupTeam_OverridesTheConfiguredOne()
    {
        var client = new FakeAkeylessClient()
            .Set("/airflow/variables/red/a", "red")
            .Set("/airflow/variables/blue/a", "blue")
            .Set("/airflow/connections/red/db", "postgres://h-red/db");
        var backend = Backend(client, "blue");

        Assert.Equal("red", await backend.GetVariableAsync("a", "red"));
        Assert.Equal("blue", await backend.GetVariableAsync("a"));
        Assert.Equal("h-red", (await backend.GetConnectionAsync("db", "red"))?.Host);
        Assert.Equal("red", await Backend(client).GetVariableAsync("a", teamName: "red"));
    }

    [Fact]
    public async Task GetVariableAsync_TeamNameWithSeparator_IsRefused()
    {
        var client = new FakeAkeylessClient();

        await Assert.ThrowsAsync<ArgumentException>(() => Backend(client).GetVariableAsync("a", "red/../blue"));
        Assert.Equal(0, client.TryGetRequests);
    }

    [Fact]
    public async Task GetVariableAsync_TeamAndKeyWithSeparator_IsRefused()
    {
        var client = new FakeAkeylessClient().Set("/airflow/variables/red/secret", "red");

        await Assert.ThrowsAsync<ArgumentException>(() => Backend(client, "blue").GetVariableAsync("red/secret"));
        Assert.Equal(0, client.TryGetRequests);
    }

    [Fact]
    public async Task GetConnectionAsync_TeamAndIdWithSeparator_ThrowsNamingConnectionId()
    {
        var client = new FakeAkeylessClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Backend(client, "blue").GetConnectionAsync("red/db"));
        Assert.Equal("connectionId", error.ParamName);
        Assert.Equal(0, client.TryGetRequests);
    }

    [Fact]
    public async Task GetConnectionAsync_Unauthorized_ThrowsRatherThanNull()
    {
        var client = new FakeAkeylessClient();
        client.FailNext(new AkeylessUnauthorizedException("Bad key."));

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => Backend(client).GetConnectionAsync("x"));
    }

    [Fact]
    public async Task GetConnectionAsync_BadValue_ThrowsNamingIdAndPath()
    {
        var client = new FakeAkeylessClient().Set("/airflow/connections/bad", "{oops");

        var ex = await Assert.ThrowsAsync<AkeylessConnectionFormatException>(() => Backend(client).GetConnectionAsync("bad"));

        Assert.Equal("bad", ex.ConnectionId);
        Assert.Equal("/airflow/connections/bad", ex.Path);
    }
}
