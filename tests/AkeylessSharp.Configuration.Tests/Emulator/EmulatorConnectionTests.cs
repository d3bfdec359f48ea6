using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

public class EmulatorConnectionTests
{
    private static readonly Dictionary<string, string> s_secrets = new()
    {
        ["/airflow/connections/pg_uri"] = "postgresql://app%40shop:p%3Bss@db.internal:5432/orders?sslmode=require",
        ["/airflow/connections/pg_json"] = """{"conn_type":"postgres","host":"db2","login":"admin","password":"secret","schema":"mydb","port":5432,"extra":"{\"sslmode\": \"verify-full\"}"}""",
        ["/airflow/connections/mysql_conn_uri"] = """{"conn_uri":"mysql://root:pw@my:3306/shop"}""",
        ["/airflow/connections/sql"] = "mssql://sa:Str0ng@sql:1433/master",
        ["/airflow/connections/cache"] = "redis://:pw@cache:6379/1",
        ["/airflow/connections/bad"] = "postgres://user:Leak3dPw/oops@host:5432/db",
        ["/airflow/variables/greeting"] = "hello",
        ["/airflow/variables/wrapped"] = """{"value":"inner"}""",
        ["/airflow/config/smtp_host"] = """{"value":"smtp.example.com"}""",
        ["/airflow/config/blue/smtp_host"] = "team-smtp",
        ["/airflow/variables/blue/greeting"] = "hello-blue",
        ["/airflow/connections/uri_and_fields"] = """{"conn_uri":"postgres://u:p@from-uri:5432/db","host":"from-fields","port":1}""",
        ["/airflow/connections/empty_uri"] = """{"conn_uri":"","conn_type":"mysql","host":"from-fields","port":3307}""",
        ["/airflow/connections/string_literal"] = "\"redis://:pw@from-literal:6380/2\"",
        ["/app/prod/Db"] = """{"Hosts":["a","b"],"Pool":{"Max":10}}""",
        ["/app/prod/Title"] = "Shop",
    };

    [Fact]
    public async Task Load_AllConnectionFormats_FromEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o => o.ConnectionsPath = "/airflow/connections");

        Assert.Equal("app@shop", config["Connections:pg_uri:Login"]);
        Assert.Equal("Host=db.internal;Port=5432;Database=orders;Username=app@shop;Password=\"p;ss\";SSL Mode=Require", config.GetConnectionString("pg_uri"));
        Assert.Equal("Host=db2;Port=5432;Database=mydb;Username=admin;Password=secret;SSL Mode=VerifyFull", config.GetConnectionString("pg_json"));
        Assert.Equal("Server=my;Port=3306;Database=shop;User ID=root;Password=pw", config.GetConnectionString("mysql_conn_uri"));
        Assert.Equal("Data Source=sql,1433;Initial Catalog=master;User ID=sa;Password=Str0ng", config.GetConnectionString("sql"));
        Assert.Equal("cache:6379,password=pw,defaultDatabase=1", config.GetConnectionString("cache"));
        Assert.Null(config.GetConnectionString("bad"));
        Assert.Contains(h.Provider.Problems, p => p.Contains("'bad'", StringComparison.Ordinal) && !p.Contains("Leak3dPw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_VariablesConfigAndFlattenedSecrets_FromEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o =>
        {
            o.BasePaths.Add("/app/prod");
            o.VariablesPath = "/airflow/variables";
            o.ConfigPath = "/airflow/config";
        });

        Assert.Equal("hello", config["Variables:greeting"]);
        Assert.Equal("inner", config["Variables:wrapped"]);
        Assert.Equal("smtp.example.com", config["Config:smtp_host"]);
        Assert.Equal("b", config["Db:Hosts:1"]);
        Assert.Equal("10", config["Db:Pool:Max"]);
        Assert.Equal("Shop", config["Title"]);
    }

    [Fact]
    public async Task Backend_DirectLookups_FromEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var backend = new AkeylessSecretsBackend(fx.Client(), new AkeylessConfigurationOptions
        {
            ConnectionsPath = "/airflow/connections",
            VariablesPath = "/airflow/variables",
            ConfigPath = "/airflow/config",
        });

        Assert.Equal("db2", (await backend.GetConnectionAsync("pg_json"))?.Host);
        Assert.Null(await backend.GetConnectionAsync("does_not_exist"));
        Assert.Equal("inner", await backend.GetVariableAsync("wrapped"));
        Assert.Null(await backend.GetVariableAsync("nope"));
        Assert.Equal("smtp.example.com", await backend.GetConfigAsync("smtp_host"));
    }

    [Fact]
    public async Task Backend_ConnectionValueRules_MatchAirflowOnEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var backend = new AkeylessSecretsBackend(fx.Client(), new AkeylessConfigurationOptions { ConnectionsPath = "/airflow/connections" });

        var uriWins = await backend.GetConnectionAsync("uri_and_fields");
        var fields = await backend.GetConnectionAsync("empty_uri");
        var literal = await backend.GetConnectionAsync("string_literal");

        Assert.Equal(("from-uri", 5432), (uriWins?.Host, uriWins?.Port));
        Assert.Equal(("mysql", "from-fields", 3307), (fields?.ConnType, fields?.Host, fields?.Port));
        Assert.Equal(("redis", "from-literal", 6380), (literal?.ConnType, literal?.Host, literal?.Port));
    }

    [Fact]
    public async Task Backend_Teams_ConfigUnscopedAndTeamPerLookup_OnEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var backend = new AkeylessSecretsBackend(fx.Client(), new AkeylessConfigurationOptions
        {
            VariablesPath = "/airflow/variables",
            ConfigPath = "/airflow/config",
            Team = "blue",
        });

        Assert.Equal("smtp.example.com", await backend.GetConfigAsync("smtp_host"));
        Assert.Equal("hello-blue", await backend.GetVariableAsync("greeting"));
        Assert.Equal("hello", await backend.GetVariableAsync("greeting", teamName: "green"));
    }

    [Fact]
    public async Task Load_Team_ConfigStaysUnscopedWhileVariablesAreTeamScoped_FromEmulator()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o =>
        {
            o.VariablesPath = "/airflow/variables";
            o.ConfigPath = "/airflow/config";
            o.Team = "blue";
        });

        Assert.Equal("smtp.example.com", config["Config:smtp_host"]);
        Assert.Equal("team-smtp", config["Config:blue:smtp_host"]);
        Assert.Equal("hello-blue", config["Variables:greeting"]);
    }

    [Fact]
    public async Task Backend_WrongAccessKey_ThrowsUnauthorizedNotNull()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        var backend = new AkeylessSecretsBackend(fx.Client(accessKey: "d3Jvbmc="), new AkeylessConfigurationOptions { VariablesPath = "/airflow/variables" });

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => backend.GetVariableAsync("greeting"));
    }

    [Fact]
    public async Task Load_WrongAccessKey_StartupThrowsUnlessOptional()
    {
        await using var fx = await EmulatorFixture.StartAsync(s_secrets);
        using var h = new ProviderHarness(fx.Client(accessKey: "d3Jvbmc="));

        Assert.Throws<AkeylessUnauthorizedException>(() => h.Build(o => o.BasePaths.Add("/app/prod")));
    }
}
