using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>The free-text fields an item keeps are bounded: past the bound, 400 naming the field and the limit, and nothing is created.</summary>
public sealed class ItemTextLimitTests : EmulatorTestBase
{
    public static TheoryData<string, string, JsonNode, string> TooLong() => new()
    {
        { "create-secret", "description", new string('d', 10_001), "10000" },
        { "create-secret", "metadata", new string('d', 10_001), "10000" },
        { "create-secret", "tags", new JsonArray(new string('t', 1_025)), "1024" },
        { "create-secret", "tags", new JsonArray(Enumerable.Range(0, 1_001).Select(i => (JsonNode)JsonValue.Create($"t{i}")).ToArray()), "1000" },
        { "create-dynamic-secret", "description", new string('d', 10_001), "10000" },
        { "create-dynamic-secret", "tags", new JsonArray(new string('t', 1_025)), "1024" },
        { "create-rotated-secret", "description", new string('d', 10_001), "10000" },
        { "create-rotated-secret", "rotated-username", new string('u', 1_025), "1024" },
        { "create-rotated-secret", "target-name", new string('n', 1_025), "1024" },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task CreateItem_FreeTextPastItsBound_Returns400NamingTheFieldAndTheLimit(string command, string field, JsonNode value, string limit)
    {
        var body = new JsonObject { ["name"] = "/limits/item", ["value"] = "v", ["rotator-type"] = "password", ["target-name"] = "t" };
        body[field] = value.DeepClone();

        var r = await Client.PostAsync(command, body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains($"parameter {field}", r.Error, StringComparison.Ordinal);
        Assert.Contains(limit, r.Error, StringComparison.Ordinal);
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/limits/item" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateSecret_FreeTextAtItsBound_IsKept()
    {
        var description = new string('d', 10_000);
        var tags = new JsonArray(Enumerable.Range(0, 1_000).Select(i => (JsonNode)JsonValue.Create(i == 0 ? new string('t', 1_024) : $"t{i}")).ToArray());

        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/limits/max", ["value"] = "v", ["description"] = description, ["tags"] = tags })).AssertStatus(HttpStatusCode.OK);
        var item = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/limits/max" })).AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal(description, item["item_metadata"]!.GetValue<string>());
        Assert.Equal(1_000, item["item_tags"]!.AsArray().Count);
    }
}
