using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Provider;

public class AirflowLayoutLoadTests
{
    [Fact]
    public void Load_ConnectionsInAllThreeForms_BecomeFieldsAndConnectionStrings()
    {
        var client = new FakeAkeylessClient()
            .Set("/airflow/connections/pg_uri", "postgresql://user:p%40ss@db:5432/orders?sslmode=require")
            .Set("/airflow/connections/pg_json", """{"conn_type":"postgres","host":"db2","login":"admin","password":"secret","schema":"mydb","port":5433,"extra":{"sslmode":"disable"}}""")
            .Set("/airflow/connections/pg_conn_uri", """{"conn_uri":"postgresql://u:p@db3:5434/d3"}""");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => o.ConnectionsPath = "/airflow/connections");

        Assert.Equal("postgres", config["Connections:pg_uri:ConnType"]);
        Assert.Equal("p@ss", config["Connections:pg_uri:Password"]);
        Assert.Equal("require", config["Connections:pg_uri:Extra:sslmode"]);
        Assert.Equal("Host=db;Port=5432;Database=orders;Username=user;Password=p@ss;SSL Mode=Require", config.GetConnectionString("pg_uri"));
        Assert.Equal("5433", config["Connections:pg_json:Port"]);
        Assert.Equal("mydb", config["Connections:pg_json:Schema"]);
        Assert.Equal("Host=db2;Port=5433;Database=mydb;Username=admin;Password=secret;SSL Mode=Disable", config.GetConnectionString("pg_json"));
        Assert.Equal("Host=db3;Port=5434;Database=d3;Username=u;Password=p", config.GetConnectionString("pg_conn_uri"));
    }

    [Fact]
    public async Task Load_CustomSeparator_KeysAreTheAirflowIds_TheBackendLooksUp()
    {
        var client = new FakeAkeylessClient()
            .Set("/airflow/connections-my-postgres", "postgres://u:p@db:5432/orders")
            .Set("/airflow/variables-api-base-url", "https://api.example.test");
        using var h = new ProviderHarness(client);
        var backend = new AkeylessSecretsBackend(client, new AkeylessConfigurationOptions { Separator = "-", ConnectionsPath = "/airflow/connections", VariablesPath = "/airflow/variables" });

        var config = h.Build(o => { o.Separator = "-"; o.ConnectionsPath = "/airflow/connections"; o.VariablesPath = "/airflow/variables"; });

        Assert.Equal("db", (await backend.GetConnectionAsync("my-postgres"))?.Host);
        Assert.Equal("db", config["Connections:my-postgres:Host"]);
        Assert.Equal("Host=db;Port=5432;Database=orders;Username=u;Password=p", config.GetConnectionString("my-postgres"));
        Assert.Equal("https://api.example.test", await backend.GetVariableAsync("api-base-url"));
        Assert.Equal("https://api.example.test", config["Variables:api-base-url"]);
    }

    [Fact]
    public void Load_BadConnection_IsReportedByIdAndOthersStillLoad()
    {
        var client = new FakeAkeylessClient()
            .Set("/airflow/connections/broken", "postgres://user:Secr3tPw/x@host:5432/db")
            .Set("/airflow/connections/good", "redis://cache:6379/0")
            .Set("/airflow/variables/v", "1");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.ConnectionsPath = "/airflow/connections"; o.VariablesPath = "/airflow/variables"; });

        Assert.Null(config["Connections:broken:Host"]);
        Assert.Equal("cache:6379,defaultDatabase=0", config.GetConnectionString("good"));
        Assert.Equal("1", config["Variables:v"]);
        var problem = Assert.Single(h.Provider.Problems);
        Assert.Contains("'broken'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Secr3tPw", problem, StringComparison.Ordinal);
        var log = Assert.Single(h.LogRecords, r => r.Id.Id == 6004);
        Assert.Contains("broken", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.LogRecords, r => r.Message.Contains("Secr3tPw", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_VariablesAndConfig_UnwrapValueField()
    {
        var client = new FakeAkeylessClient()
            .Set("/airflow/variables/plain", "hello")
            .Set("/airflow/variables/wrapped", """{"value":"inner"}""")
            .Set("/airflow/variables/json", """{"a":1}""")
            .Set("/airflow/config/smtp_host", """{"value":"smtp.example.com"}""");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/airflow/variables"; o.ConfigPath = "/airflow/config"; });

        Assert.Equal("hello", config["Variables:plain"]);
        Assert.Equal("inner", config["Variables:wrapped"]);
        Assert.Equal("""{"a":1}""", config["Variables:json"]);
        Assert.Equal("smtp.example.com", config["Config:smtp_host"]);
    }

    [Fact]
    public void Load_CustomPrefixes_AreUsed()
    {
        var client = new FakeAkeylessClient().Set("/c/db", "postgres://h/d").Set("/v/x", "1").Set("/g/y", "2");
        using var h = new ProviderHarness(client);

        var config = h.Build(o =>
        {
            (o.ConnectionsPath, o.VariablesPath, o.ConfigPath) = ("/c", "/v", "/g");
            (o.ConnectionsPrefix, o.ConnectionStringsPrefix, o.VariablesPrefix, o.ConfigPrefix) = ("Conn", "Cs", "Var", "Cfg");
        });

        Assert.Equal("h", config["Conn:db:Host"]);
        Assert.Equal("Host=h;Database=d", config["Cs:db"]);
        Assert.Equal("1", config["Var:x"]);
        Assert.Equal("2", config["Cfg:y"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Load_DisabledLayoutPaths_MakeNoRequest(string? path)
    {
        var client = new FakeAkeylessClient().Set("/a/b", "c");
        using var h = new ProviderHarness(client);

        h.Build(o => { o.ConnectionsPath = path; o.VariablesPath = path; o.ConfigPath = path; });

        Assert.Equal(0, client.ListRequests);
        Assert.Equal(0, client.GetSecretsRequests);
    }

    [Fact]
    public void Load_Team_PrefersTeamEntryAndNeverReadsOtherTeams()
    {
        var client = new FakeAkeylessClient()
            .Set("/v/blue/color", "team-blue")
            .Set("/v/color", "global")
            .Set("/v/size", "global-size")
            .Set("/v/red/secret", "red-only");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/v"; o.Team = "blue"; });

        Assert.Equal("team-blue", config["Variables:color"]);
        Assert.Equal("global-size", config["Variables:size"]);
        Assert.Null(config["Variables:secret"]);
        Assert.DoesNotContain(config.AsEnumerable(), p => p.Value == "red-only");
        Assert.Equal([2], client.BatchSizes);
    }

    [Theory]
    [InlineData(DuplicateKeyPolicy.Replace)]
    [InlineData(DuplicateKeyPolicy.Throw)]
    public void Load_Team_PrefersTeamEntryOverAGlobalOneDifferingOnlyInCase(DuplicateKeyPolicy policy)
    {
        // Configuration keys ignore case, so both map to Variables:Color: the team's own entry must win, whatever the order.
        var client = new FakeAkeylessClient()
            .Set("/v/blue/Color", "team-blue")
            .Set("/v/color", "global");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/v"; o.Team = "blue"; o.DuplicateKeyPolicy = policy; });

        Assert.Equal("team-blue", config["Variables:Color"]);
        Assert.Equal([1], client.BatchSizes);
    }

    [Fact]
    public void Load_TeamAndGlobalPath_ReadsGlobalFolder()
    {
        var client = new FakeAkeylessClient().Set("/v/shared/a", "from-global").Set("/v/a", "base-level");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/v"; o.Team = "blue"; o.GlobalPath = "shared"; });

        Assert.Equal("from-global", config["Variables:a"]);
    }

    [Fact]
    public void Load_TeamSet_ConfigIsNeverTeamScoped()
    {
        var client = new FakeAkeylessClient()
            .Set("/c/blue/smtp_host", "team-smtp")
            .Set("/c/smtp_host", "global-smtp")
            .Set("/v/blue/color", "team-blue");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/v"; o.ConfigPath = "/c"; o.Team = "blue"; });

        Assert.Equal("global-smtp", config["Config:smtp_host"]);
        Assert.Equal("team-blue", config["Variables:color"]);
    }

    [Fact]
    public void Load_UseTeamSecretsPathOff_IgnoresTheTeam()
    {
        var client = new FakeAkeylessClient().Set("/v/blue/color", "team-blue").Set("/v/color", "global");
        using var h = new ProviderHarness(client);

        var config = h.Build(o => { o.VariablesPath = "/v"; o.Team = "blue"; o.UseTeamSecretsPath = false; });

        Assert.Equal("global", config["Variables:color"]);
        Assert.Equal("team-blue", config["Variables:blue:color"]);
    }
}
