using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// A key-value secret with a repeated key would read differently by client (first or last value wins), so every
/// write refuses it with a 400 naming the key, never a value.
/// </summary>
public sealed class KeyValueFormatTests : EmulatorTestBase
{
    [Theory]
    [InlineData("""{"user":"a","pass":"first-secret","pass":"second-secret"}""", "pass")]
    [InlineData("""{"user":"a","\u0075ser":"b"}""", "user")]
    public async Task CreateSecret_KeyValueWithARepeatedKey_Returns400NamingTheKeyNotTheValues(string value, string key)
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/kv", ["value"] = value, ["format"] = "key-value" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains($"the key '{key}' more than once", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSecretVal_KeyValueWithARepeatedKey_Returns400AndKeepsTheValue()
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/kv", ["value"] = """{"a":"1"}""", ["format"] = "key-value" })).AssertStatus(HttpStatusCode.OK);

        var r = await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/kv", ["value"] = """{"a":"1","a":"2"}""" });
        var read = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/kv") });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("""{"a":"1"}""", read.AssertStatus(HttpStatusCode.OK).Str("/kv"));
    }

    [Fact]
    public async Task CreateSecret_JsonFormatWithARepeatedKey_IsStoredAsText()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/json", ["value"] = """{"a":1,"a":2}""", ["format"] = "json" });

        r.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Seed_KeyValueWithARepeatedKey_FailsStartNamingTheKey()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            SeedJson = """{"items":[{"name":"/kv","format":"key-value","value":"{\"k\":\"1\",\"k\":\"2\"}"}]}""",
        }));

        Assert.Contains("the key 'k' more than once", e.Message, StringComparison.Ordinal);
    }

    // A lone surrogate escape is valid JSON grammar but no text: reading the key's name used to throw, a 500.
    [Theory]
    [InlineData("""{"\ud800":"x"}""", "create-secret")]
    [InlineData("""{"a":"\udc00"}""", "create-secret")]
    [InlineData("""{"\ud800":"x"}""", "update-secret-val")]
    public async Task KeyValue_KeyOrValueWithALoneSurrogateEscape_Returns400(string value, string command)
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/kv-base", ["value"] = """{"a":"1"}""", ["format"] = "key-value" })).AssertStatus(HttpStatusCode.OK);
        var body = command == "create-secret"
            ? new JsonObject { ["name"] = "/kv", ["value"] = value, ["format"] = "key-value" }
            : new JsonObject { ["name"] = "/kv-base", ["value"] = value };

        var r = await Client.PostAsync(command, body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("key-value", r.Error, StringComparison.Ordinal);
    }
}
