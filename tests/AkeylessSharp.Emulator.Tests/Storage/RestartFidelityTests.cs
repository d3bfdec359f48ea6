using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>Everything an item shows (describe-item with versions, list-items, every version's value) is the same after a restart.</summary>
public sealed class RestartFidelityTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-fidelity-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly string CaKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    private static readonly string[] Names = ["/app/cfg", "/app/login", "/db/dyn", "/db/rot", "/db/seeded-rot", "/ssh/ca"];

    [Fact]
    public async Task Restart_EveryItemKindAndField_ReadsBackTheSame()
    {
        string before;
        await using (var first = await StartAsync())
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            await MakeHistoryAsync(client);
            before = await SnapshotAsync(client);
        }

        await using var second = await StartAsync();
        using var again = await EmulatorClient.ConnectAsync(second);

        // The snapshot covers what is compared: a tag, a deleted version's neighbour, a rotated password, a seed-only issuer.
        Assert.Contains("team:a", before, StringComparison.Ordinal);
        Assert.Contains("pw1", before, StringComparison.Ordinal);
        Assert.Contains("ubuntu", before, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(again));
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u0000")]
    [InlineData("tab\tnew line\r\n\u001f end \uffff")]
    [InlineData("emoji \ud83d\ude00 and \u00e9")]
    public async Task Restart_ValueWithControlOrNulCharacters_ReadsBackTheSame(string value)
    {
        await using (var first = await StartAsync())
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            (await client.PostAsync("create-secret", new JsonObject { ["name"] = "/odd", ["value"] = value })).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(value, (await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/odd") })).Str("/odd"));
        }

        await using var second = await StartAsync();
        using var again = await EmulatorClient.ConnectAsync(second);

        Assert.Equal(value, (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/odd") })).AssertStatus(HttpStatusCode.OK).Str("/odd"));
    }

    private async Task MakeHistoryAsync(EmulatorClient client)
    {
        (await client.PostAsync("create-secret", new JsonObject
        {
            ["name"] = "/app/cfg", ["value"] = """{"a":1}""", ["format"] = "json", ["description"] = "the config",
            ["tags"] = new JsonArray("env:prod", "team:a"), ["delete_protection"] = "true",
        })).AssertStatus(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/app/cfg", ["value"] = """{"a":2}""" })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/app/cfg", ["value"] = """{"a":3}""" })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("delete-item", new JsonObject { ["name"] = "/app/cfg", ["version"] = 2 })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("create-secret", new JsonObject
        {
            ["name"] = "/app/login", ["type"] = "password", ["value"] = "pw", ["username"] = "ann", ["inject-url"] = new JsonArray("https://a.test"),
        })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("create-dynamic-secret", new JsonObject { ["name"] = "/db/dyn" })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("create-rotated-secret", new JsonObject
        {
            ["name"] = "/db/rot", ["rotator-type"] = "password", ["target-name"] = "/targets/db",
            ["rotated-username"] = "bob", ["rotated-password"] = "pw1", ["auto-rotate"] = "true", ["rotation-interval"] = "7",
        })).AssertStatus(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await client.PostAsync("rotate-secret", new JsonObject { ["name"] = "/db/rot" })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("rotate-secret", new JsonObject { ["name"] = "/db/seeded-rot" })).AssertStatus(HttpStatusCode.OK);
        (await client.PostAsync("delete-item", new JsonObject { ["name"] = "/db/seeded-rot", ["version"] = 0 })).AssertStatus(HttpStatusCode.OK);
    }

    private static async Task<string> SnapshotAsync(EmulatorClient client)
    {
        var all = new JsonObject { ["list"] = (await client.PostAsync("list-items", new JsonObject())).AssertStatus(HttpStatusCode.OK).Json!.DeepClone() };
        foreach (var name in Names)
        {
            var item = (await client.PostAsync("describe-item", new JsonObject { ["name"] = name, ["show-versions"] = true })).AssertStatus(HttpStatusCode.OK).Json!;
            all[name] = item.DeepClone();
            var values = new JsonObject();
            foreach (var version in item["item_versions"]?.AsArray() ?? [])
            {
                var number = version!["version"]!.GetValue<int>();
                var command = item["item_type"]!.GetValue<string>() == "ROTATED_SECRET" ? "get-rotated-secret-value" : "get-secret-value";
                var body = command == "get-secret-value"
                    ? new JsonObject { ["names"] = new JsonArray(name), ["version"] = number }
                    : new JsonObject { ["names"] = name, ["version"] = number };
                values[number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (await client.PostAsync(command, body)).AssertStatus(HttpStatusCode.OK).Text;
            }

            all[name + "#values"] = values;
        }

        return all.ToJsonString();
    }

    private Task<AkeylessEmulator> StartAsync() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        DataPath = _dir.File("emulator.db"),
        TimeProvider = _clock,
        SeedJson = $$"""
        {
          "items": [
            { "name": "/db/seeded-rot", "type": "rotated", "rotated": { "username": "svc", "password": "initial", "rotationIntervalSeconds": 3600 } },
            { "name": "/ssh/ca", "type": "ssh", "sshIssuer": { "caPrivateKeyPem": {{TestJwt.Json(CaKey)}}, "allowedUsers": ["ubuntu"], "ttlSeconds": 600 } }
          ]
        }
        """,
    });

    public void Dispose() => _dir.Dispose();
}
