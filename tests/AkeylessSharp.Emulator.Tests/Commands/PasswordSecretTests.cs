using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// Password secrets (<c>create-secret</c> with <c>type: password</c>): the official StaticSecretDetailsInfo model carries their
/// <c>username</c> and <c>websites</c>, and the official ListItems model's <c>advanced-filter</c> matches "item name/username/website".
/// </summary>
public sealed class PasswordSecretTests : EmulatorTestBase
{
    [Fact]
    public async Task DescribeItem_PasswordSecret_ShowsUsernameAndWebsites_InStaticSecretInfo()
    {
        await CreateLoginAsync("/logins/mail", "alice", "https://mail.example.test");

        var item = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/logins/mail" })).AssertStatus(HttpStatusCode.OK).Json!;

        var info = item["item_general_info"]!["static_secret_info"]!;
        Assert.Equal("password", item["item_sub_type"]!.GetValue<string>());
        Assert.Equal("alice", info["username"]!.GetValue<string>());
        Assert.Equal(["https://mail.example.test"], info["websites"]!.AsArray().Select(w => w!.GetValue<string>()));
    }

    [Fact]
    public async Task DescribeItem_GenericSecret_HasNoUsernameOrWebsites()
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/logins/plain", ["value"] = "v", ["username"] = "bob" })).AssertStatus(HttpStatusCode.OK);

        var info = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/logins/plain" })).Json!["item_general_info"]!["static_secret_info"]!.AsObject();

        Assert.False(info.ContainsKey("username"));
        Assert.False(info.ContainsKey("websites"));
    }

    [Fact]
    public async Task UpdateSecretVal_PasswordSecret_ChangesTheUsernameItNames_AndKeepsTheWebsites()
    {
        await CreateLoginAsync("/logins/mail", "alice", "https://mail.example.test");

        (await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/logins/mail", ["value"] = "v2", ["username"] = "bob" }))
            .AssertStatus(HttpStatusCode.OK);

        var info = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/logins/mail" })).Json!["item_general_info"]!["static_secret_info"]!;
        Assert.Equal("bob", info["username"]!.GetValue<string>());
        Assert.Equal("https://mail.example.test", info["websites"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("alice", "/logins/mail")]
    [InlineData("CHAT.example", "/logins/chat")]
    [InlineData("logins/ma", "/logins/mail")]
    public async Task ListItems_AdvancedFilter_MatchesNameUsernameOrWebsite(string filter, string expected)
    {
        await CreateLoginAsync("/logins/mail", "alice", "https://mail.example.test");
        await CreateLoginAsync("/logins/chat", "carol", "https://chat.example.test");

        var r = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/logins", ["advanced-filter"] = filter });

        var names = r.AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Select(i => i!["item_name"]!.GetValue<string>());
        Assert.Equal([expected], names);
    }

    private async Task CreateLoginAsync(string name, string username, string website) =>
        (await Client.PostAsync("create-secret", new JsonObject
        {
            ["name"] = name,
            ["type"] = "password",
            ["username"] = username,
            ["password"] = "p@ss",
            ["inject-url"] = new JsonArray(website),
        })).AssertStatus(HttpStatusCode.OK);
}
