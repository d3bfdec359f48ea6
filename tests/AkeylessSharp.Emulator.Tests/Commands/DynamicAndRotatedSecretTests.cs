using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Commands;

public sealed class DynamicAndRotatedSecretTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _clock,
        TokenTtl = TimeSpan.FromDays(30),
        SeedJson = """
        {
          "items": [
            { "name": "/db/dyn", "type": "dynamic", "dynamic": { "usernamePrefix": "app_", "ttlSeconds": 1800 } },
            { "name": "/db/rot", "type": "rotated", "rotated": { "username": "svc", "password": "initial", "rotationIntervalSeconds": 3600 } }
          ]
        }
        """,
    };

    [Fact]
    public async Task GetDynamicSecretValue_EachCall_ReturnsUniqueCredentials()
    {
        var a = (await Client.PostAsync("get-dynamic-secret-value", new JsonObject { ["name"] = "/db/dyn", ["args"] = new JsonArray("k=v") })).AssertStatus(HttpStatusCode.OK);
        var b = (await Client.PostAsync("get-dynamic-secret-value", new JsonObject { ["name"] = "/db/dyn" })).AssertStatus(HttpStatusCode.OK);

        Assert.StartsWith("app_", a.Str("user"), StringComparison.Ordinal);
        Assert.NotEqual(a.Str("user"), b.Str("user"));
        Assert.NotEqual(a.Str("password"), b.Str("password"));
        Assert.Equal("30", a.Str("ttl_in_minutes"));
        Assert.Equal(a.Str("user"), a.Str("id"));
        Assert.Equal("2025-06-01T00:30:00Z", a.Str("expiration"));
    }

    [Fact]
    public async Task CreateDynamicSecret_ThenDescribe_IsDynamicSecret()
    {
        (await Client.PostAsync("create-dynamic-secret", new JsonObject { ["name"] = "/db/new-dyn" })).AssertStatus(HttpStatusCode.OK);

        var r = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/db/new-dyn" });

        Assert.Equal("DYNAMIC_SECRET", r.Str("item_type"));
    }

    [Fact]
    public async Task GetRotatedSecretValue_BeforeInterval_ReturnsInitialPassword()
    {
        var r = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/rot" });

        var value = r.AssertStatus(HttpStatusCode.OK).Json!["value"]!;
        Assert.Equal("svc", value["username"]!.GetValue<string>());
        Assert.Equal("initial", value["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetRotatedSecretValue_AfterInterval_PasswordChangesAndVersionIncrements()
    {
        _clock.Advance(TimeSpan.FromSeconds(3601));

        var r = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/rot" });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/db/rot" });

        Assert.NotEqual("initial", r.Json!["value"]!["password"]!.GetValue<string>());
        Assert.Equal(2, describe.Json!["last_version"]!.GetValue<int>());
        Assert.Equal("ROTATED_SECRET", describe.Str("item_type"));
        Assert.Equal("2025-06-01T02:00:00Z", describe.Str("next_rotation_date"));
    }

    [Fact]
    public async Task RotateSecret_ChangesPasswordAndVersion()
    {
        var r = await Client.PostAsync("rotate-secret", new JsonObject { ["name"] = "/db/rot" });
        var value = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/rot" });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/db/rot" });

        Assert.Equal("/db/rot", r.AssertStatus(HttpStatusCode.OK).Str("name"));
        Assert.NotEqual("initial", value.Json!["value"]!["password"]!.GetValue<string>());
        Assert.Equal(2, describe.Json!["last_version"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateRotatedSecret_ThenGetValue_ReturnsGivenCredentials()
    {
        var created = await Client.PostAsync("create-rotated-secret", new JsonObject
        {
            ["name"] = "/db/created-rot", ["rotator-type"] = "password", ["target-name"] = "/targets/db",
            ["rotated-username"] = "bob", ["rotated-password"] = "pw1", ["auto-rotate"] = "true", ["rotation-interval"] = "7",
        });
        var value = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/created-rot" });
        _clock.Advance(TimeSpan.FromDays(7));
        var later = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/created-rot" });

        created.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("pw1", value.Json!["value"]!["password"]!.GetValue<string>());
        Assert.NotEqual("pw1", later.Json!["value"]!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateRotatedSecret_UnknownRotatorType_Returns400NamingField()
    {
        var r = await Client.PostAsync("create-rotated-secret", new JsonObject { ["name"] = "/r", ["rotator-type"] = "magic", ["target-name"] = "t" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("rotator-type", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRotatedSecretValue_StaticItem_Returns400()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/plain", ["value"] = "v" });

        (await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/plain" })).AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetRotatedSecretValue_HostAndArgs_AnswersForTheHost()
    {
        var r = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/rot", ["host"] = "db-2", ["args"] = new JsonArray("region=eu") });

        Assert.Equal("db-2", r.AssertStatus(HttpStatusCode.OK).Json!["value"]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetRotatedSecretValue_ArgWithoutEquals_Returns400()
    {
        var r = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = "/db/rot", ["args"] = new JsonArray("region") });

        r.AssertStatus(HttpStatusCode.BadRequest);
    }
}
