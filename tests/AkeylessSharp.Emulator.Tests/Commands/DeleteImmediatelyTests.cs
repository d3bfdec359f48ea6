using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>The official DeleteItem model: <c>delete-immediately</c> "when delete-in-days=-1, must be set".</summary>
public sealed class DeleteImmediatelyTests : EmulatorTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task DeleteInDaysMinusOne_WithoutDeleteImmediately_Returns400NamingBoth_AndKeepsTheItem(bool? immediately)
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/di/item", ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);
        var body = new JsonObject { ["name"] = "/di/item", ["delete-in-days"] = -1 };
        if (immediately is { } flag)
        {
            body["delete-immediately"] = flag;
        }

        var r = await Client.PostAsync("delete-item", body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("delete-in-days", r.Error, StringComparison.Ordinal);
        Assert.Contains("delete-immediately", r.Error, StringComparison.Ordinal);
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/di/item" })).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeleteInDaysMinusOne_WithDeleteImmediately_DeletesTheItem()
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/di/now", ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);

        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/di/now", ["delete-in-days"] = -1, ["delete-immediately"] = true }))
            .AssertStatus(HttpStatusCode.OK);

        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/di/now" })).AssertStatus(HttpStatusCode.NotFound);
    }
}
