using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// <c>delete_protection</c> (snake_case, a "true"/"false" string in the official CreateSecret, CreateDynamicSecret and
/// CreateRotatedSecret models) is what describe-item answers in the Item model's boolean <c>delete_protection</c>.
/// </summary>
public sealed class DeleteProtectionTests : EmulatorTestBase
{
    public static TheoryData<string, string> Creates => new()
    {
        { "create-secret", """{"name":"/dp/item","value":"v"}""" },
        { "create-dynamic-secret", """{"name":"/dp/item"}""" },
        { "create-rotated-secret", """{"name":"/dp/item","rotator-type":"password","target-name":"/t","rotated-username":"u"}""" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task DescribeItem_ShowsTheDeleteProtectionTheItemWasCreatedWith(string command, string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body["delete_protection"] = "true";
        (await Client.PostAsync(command, body)).AssertStatus(HttpStatusCode.OK);
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/dp/unprotected", ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);

        var item = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/dp/item" })).AssertStatus(HttpStatusCode.OK).Json!;
        var other = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/dp/unprotected" })).AssertStatus(HttpStatusCode.OK).Json!;

        Assert.True(item["delete_protection"]!.GetValue<bool>());
        Assert.False(other["delete_protection"]!.GetValue<bool>());
    }
}
