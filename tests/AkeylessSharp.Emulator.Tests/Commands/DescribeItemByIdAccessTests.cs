using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// A caller without access to an item learns nothing from <c>describe-item</c> by id: an id it may not see answers as an
/// id that does not exist, as a name it may not see answers 403 whether or not the item exists.
/// </summary>
public sealed class DescribeItemByIdAccessTests : EmulatorTestBase
{
    private const string UidToken = "u-byid-reader";

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = $$"""
        {
          "authMethods": [ { "name": "/uid/app", "type": "universal_identity" } ],
          "roles": [ { "name": "app-readers", "authMethods": ["/uid/app"], "rules": [ { "path": "/app/*", "capabilities": ["read"] } ] } ],
          "uidTokens": [ { "token": "{{UidToken}}", "authMethod": "/uid/app" } ]
        }
        """,
    };

    [Fact]
    public async Task DescribeItem_ByIdWithoutAccess_AnswersAsAnUnknownIdWithoutTheName()
    {
        var hidden = await CreateAsync("/other/hidden-name");
        var unknown = hidden + 1_000_000;

        var existing = await Client.PostAsync("describe-item", new JsonObject { ["item-id"] = hidden, ["uid-token"] = UidToken }, withToken: false);
        var missing = await Client.PostAsync("describe-item", new JsonObject { ["item-id"] = unknown, ["uid-token"] = UidToken }, withToken: false);

        existing.AssertStatus(HttpStatusCode.Forbidden);
        missing.AssertStatus(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("hidden-name", existing.Error, StringComparison.Ordinal);
        Assert.Equal(existing.Error.Replace(hidden.ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal),
            missing.Error.Replace(unknown.ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeItem_ByIdWithAccess_FindsTheItem()
    {
        var visible = await CreateAsync("/app/visible");

        var r = await Client.PostAsync("describe-item", new JsonObject { ["item-id"] = visible, ["uid-token"] = UidToken }, withToken: false);

        Assert.Equal("/app/visible", r.AssertStatus(HttpStatusCode.OK).Str("item_name"));
    }

    [Fact]
    public async Task DescribeItem_UnknownIdForACallerWhoSeesEveryItem_Returns404()
    {
        var r = await Client.PostAsync("describe-item", new JsonObject { ["item-id"] = 987_654_321 });

        r.AssertStatus(HttpStatusCode.NotFound);
    }

    private async Task<long> CreateAsync(string name)
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = name, ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);
        return (await Client.PostAsync("describe-item", new JsonObject { ["name"] = name })).Json!["item_id"]!.GetValue<long>();
    }
}
