using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>
/// Secret values a person or another tool wrote badly: the load never fails for them, the good keys are all there, and
/// no message, log line or problem quotes the value.
/// </summary>
public class EmulatorMalformedValueTests
{
    private const string Canary = "Canary-Pa55";

    public static TheoryData<string> MalformedSecrets() => new()
    {
        "{\"password\": \"" + Canary,
        "{\"a\": 1, \"a\": \"" + Canary + "\"}",
        "{\"a:b\": \"" + Canary + "\", \"a\": {\"b\": 2}}",
        "{\"\": \"" + Canary + "\", \"x\": {\"\": 1}}",
        "{\"big\": 1e400, \"long\": 123456789012345678901234567890, \"neg\": -0.0, \"p\": \"" + Canary + "\"}",
        new string('[', 5000) + Canary,
        new string('[', 70) + "\"" + Canary + "\"" + new string(']', 70),
        "{\"p\": \"" + Canary + "\"} trailing",
        "[\"" + Canary + "\", null, {}, [], true]",
        "{\"A\": \"" + Canary + "\", \"a\": 2}",
        "\u0000{\"p\": \"" + Canary + "\"}",
    };

    [Theory]
    [MemberData(nameof(MalformedSecrets))]
    public async Task Load_AMalformedJsonSecret_LoadsTheOthers_AndNeverQuotesIt(string value)
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string> { ["/app/Bad"] = value, ["/app/Good"] = "good" });
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o => o.BasePaths.Add("/app"));

        Assert.Equal("good", config["Good"]);
        Assert.Null(h.Provider.LastError);
        AssertNoCanary(h);
    }

    public static TheoryData<string> MalformedConnections() => new()
    {
        "postgres://user:" + Canary + "#frag@db:5432/app",
        "postgres://user:" + Canary + "@db:99999/app",
        "postgres://user:" + Canary + "@[::1/app",
        "postgres://user:" + Canary + "@db:5432/app?__extra__=%7B" + Canary,
        "http://https://ftp://user:" + Canary + "@db",
        "postgres://user:" + Canary + "@db:5432/app?sslmode=" + Canary + "%00",
        "{\"conn_type\": \"postgres\", \"password\": \"" + Canary,
        "{\"conn_type\": \"postgres\", \"password\": \"" + Canary + "\", \"port\": \"" + Canary + "\"}",
        "{\"conn_type\": \"postgres\", \"password\": \"" + Canary + "\", \"port\": 1e300}",
        "{\"conn_type\": \"postgres\", \"password\": \"" + Canary + "\", \"extra\": \"{" + Canary + "\"}",
        "{\"conn_type\": \"postgres\", \"password\": [\"" + Canary + "\"]}",
        "{\"conn_type\": \"postgres\", \"password\": \"" + Canary + "\\u0000\"}",
        "{\"conn_type\": \"redis\", \"password\": \"" + Canary + ",x\"}",
        "{\"conn_type\": \"redis\", \"password\": \"" + Canary + "\", \"schema\": \"" + Canary + "\"}",
        "{\"conn_uri\": 42, \"password\": \"" + Canary + "\"}",
        "{\"conn_uri\": \"" + Canary + "\"}",
        "\"" + Canary + "\"",
        "[\"" + Canary + "\"]",
        Canary,
    };

    [Theory]
    [MemberData(nameof(MalformedConnections))]
    public async Task Load_AMalformedConnection_IsAProblem_TheOthersLoad_AndNothingQuotesIt(string value)
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string>
        {
            ["/airflow/connections/bad"] = value,
            ["/airflow/connections/good"] = "postgres://u:p@db:5432/app",
        });
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o => o.ConnectionsPath = "/airflow/connections");

        Assert.Equal("db", config["Connections:good:Host"]);
        Assert.NotNull(config.GetConnectionString("good"));
        Assert.Null(h.Provider.LastError);
        Assert.Single(h.Provider.Problems);
        AssertNoCanary(h);
    }

    [Theory]
    [InlineData("{\"value\": \"" + Canary)]
    [InlineData("{\"value\": 1e400}")]
    [InlineData("{\"value\": {\"nested\": \"" + Canary + "\"}}")]
    [InlineData("{\"value\": null}")]
    public async Task Load_AMalformedVariable_LoadsTheOthers_AndNeverQuotesIt(string value)
    {
        await using var fx = await EmulatorFixture.StartAsync(new Dictionary<string, string>
        {
            ["/airflow/variables/bad"] = value,
            ["/airflow/variables/good"] = "{\"value\": \"ok\"}",
        });
        using var h = new ProviderHarness(fx.Client());

        var config = h.Build(o => o.VariablesPath = "/airflow/variables");

        Assert.Equal("ok", config["Variables:good"]);
        Assert.Null(h.Provider.LastError);
        AssertNoCanary(h);
    }

    private static void AssertNoCanary(ProviderHarness h)
    {
        Assert.All(h.Provider.Problems, p => Assert.DoesNotContain(Canary, p, StringComparison.Ordinal));
        Assert.All(h.LogRecords, r =>
        {
            Assert.DoesNotContain(Canary, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, r.Exception?.ToString() ?? "", StringComparison.Ordinal);
            Assert.All(r.StructuredState ?? [], p => Assert.DoesNotContain(Canary, p.Value ?? "", StringComparison.Ordinal));
        });
        Assert.DoesNotContain(Canary, h.Provider.ToString(), StringComparison.Ordinal);
    }
}
