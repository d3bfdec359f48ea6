using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// A rotated secret's versions are one list: get-rotated-secret-value's <c>version</c>, describe-item's
/// <c>show-versions</c> and delete-item's <c>version</c> agree on which exist.
/// </summary>
public sealed class RotatedSecretVersionTests : EmulatorTestBase
{
    private const string Rotated = "/db/rot";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _clock,
        TokenTtl = TimeSpan.FromDays(30),
        MaxVersionsPerItem = 3,
        SeedJson = """
        {
          "items": [
            { "name": "/db/rot", "type": "rotated", "rotated": { "username": "svc", "password": "initial", "rotationIntervalSeconds": 3600 } },
            { "name": "/db/dyn", "type": "dynamic", "dynamic": { "usernamePrefix": "app_", "ttlSeconds": 1800 } }
          ]
        }
        """,
    };

    [Fact]
    public async Task GetRotatedSecretValue_Version_ReturnsThatRotationsPassword()
    {
        (await Client.PostAsync("rotate-secret", new JsonObject { ["name"] = Rotated })).AssertStatus(HttpStatusCode.OK);
        var second = await PasswordAsync();
        (await Client.PostAsync("rotate-secret", new JsonObject { ["name"] = Rotated })).AssertStatus(HttpStatusCode.OK);
        var third = await PasswordAsync();

        Assert.Equal("initial", await PasswordAsync(1));
        Assert.Equal(second, await PasswordAsync(2));
        Assert.Equal(third, await PasswordAsync(3));
        Assert.Equal(third, await PasswordAsync(0));
        Assert.NotEqual(second, third);
    }

    [Fact]
    public async Task GetRotatedSecretValue_VersionThatDoesNotExist_Returns404NamingIt()
    {
        var r = await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = Rotated, ["version"] = 7 });

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("version 7 of item /db/rot not found", r.Error);
    }

    [Fact]
    public async Task ShowVersions_ListsExactlyWhatDeleteItemAndGetValueAccept()
    {
        (await Client.PostAsync("rotate-secret", new JsonObject { ["name"] = Rotated })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(new[] { 1, 2 }, await ListedVersionsAsync(Rotated));

        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = Rotated, ["version"] = 1 })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(new[] { 2 }, await ListedVersionsAsync(Rotated));
        (await Client.PostAsync("get-rotated-secret-value", new JsonObject { ["names"] = Rotated, ["version"] = 1 })).AssertStatus(HttpStatusCode.NotFound);
        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = Rotated, ["version"] = 1 })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteLatestVersion_CurrentValueIsThePreviousOne()
    {
        (await Client.PostAsync("rotate-secret", new JsonObject { ["name"] = Rotated })).AssertStatus(HttpStatusCode.OK);

        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = Rotated, ["version"] = 0 })).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("initial", await PasswordAsync());
    }

    [Fact]
    public async Task AutoRotation_OverSeveralIntervals_KeepsOneVersionPerRotationUpToTheLimit()
    {
        _clock.Advance(TimeSpan.FromHours(5.5));

        var describe = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = Rotated, ["show-versions"] = true })).AssertStatus(HttpStatusCode.OK);
        var versions = describe.Json!["item_versions"]!.AsArray();

        Assert.Equal(6, describe.Json!["last_version"]!.GetValue<int>());
        Assert.Equal([4, 5, 6], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal("2025-06-01T05:00:00Z", versions[2]!["creation_date"]!.GetValue<string>());
        Assert.NotEqual(await PasswordAsync(4), await PasswordAsync(6));
    }

    [Fact]
    public async Task DynamicSecret_ShowVersions_ListsNoneThatDeleteItemWouldRefuse()
    {
        Assert.Empty(await ListedVersionsAsync("/db/dyn"));
        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/db/dyn", ["version"] = 1 })).AssertStatus(HttpStatusCode.NotFound);
    }

    private async Task<string> PasswordAsync(int? version = null)
    {
        var body = new JsonObject { ["names"] = Rotated };
        if (version is { } v)
        {
            body["version"] = v;
        }

        var r = (await Client.PostAsync("get-rotated-secret-value", body)).AssertStatus(HttpStatusCode.OK);
        return r.Json!["value"]!["password"]!.GetValue<string>();
    }

    private async Task<int[]> ListedVersionsAsync(string name)
    {
        var r = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = name, ["show-versions"] = true })).AssertStatus(HttpStatusCode.OK);
        return r.Json!["item_versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()).ToArray();
    }
}
