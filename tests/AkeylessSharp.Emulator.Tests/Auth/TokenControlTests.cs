using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Auth;

/// <summary>Revoking and expiring issued tokens, in process and over the admin API, so re-authentication can be tested.</summary>
public sealed class TokenControlTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _time,
        SeedJson = """{ "authMethods": [ { "name": "/other", "accessId": "p-othermethod0a0", "type": "access_key", "accessKey": "b3RoZXI=" } ] }""",
    };

    private async Task<HttpStatusCode> ListAsync(string token) =>
        (await Client.PostAsync("list-items", new JsonObject { ["token"] = token })).Status;

    [Fact]
    public async Task Revoke_OneToken_OnlyThatTokenFails()
    {
        var first = Client.Token!;
        var second = await Client.LoginAsync(Emulator.AccessId, Emulator.AccessKey);

        Assert.True(Emulator.Tokens.Revoke(first));
        Assert.False(Emulator.Tokens.Revoke(first));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListAsync(first));
        Assert.Equal(HttpStatusCode.OK, await ListAsync(second));
    }

    [Fact]
    public async Task RevokeAll_OfAuthMethod_LeavesOtherMethods()
    {
        var dev = Client.Token!;
        using var other = new EmulatorClient(Emulator.BaseUrl);
        var otherToken = await other.LoginAsync("p-othermethod0a0", "b3RoZXI=");

        var revoked = Emulator.Tokens.RevokeAll("/other");

        Assert.Equal(1, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, await ListAsync(otherToken));
        Assert.Equal(HttpStatusCode.OK, await ListAsync(dev));
        Assert.Throws<ArgumentException>(() => Emulator.Tokens.RevokeAll("/nobody"));
    }

    [Fact]
    public async Task ExpireAll_InSeconds_TokensDieWhenTheClockPassesIt()
    {
        Emulator.Tokens.ExpireAll(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(29));
        var before = await ListAsync(Client.Token!);
        _time.Advance(TimeSpan.FromSeconds(2));
        var after = await ListAsync(Client.Token!);
        var fresh = await Client.LoginAsync(Emulator.AccessId, Emulator.AccessKey);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
        Assert.Equal(HttpStatusCode.OK, await ListAsync(fresh));
    }

    // A delay past the last date the clock can hold shortens nothing: it used to overflow "now + delay" and throw.
    [Fact]
    public async Task ExpireAll_DelayBeyondTheLastRepresentableDate_ShortensNoToken()
    {
        Assert.Equal(0, Emulator.Tokens.ExpireAll(TimeSpan.MaxValue));
        Assert.Equal(0, Emulator.Tokens.ExpireAll(DateTimeOffset.MaxValue - _time.GetUtcNow() + TimeSpan.FromTicks(1), "/other"));
        Assert.Equal(HttpStatusCode.OK, await ListAsync(Client.Token!));
    }

    [Fact]
    public async Task AdminHttp_RevokeAndExpire()
    {
        var token = Client.Token!;
        var expire = await Client.Http.PostAsJsonAsync("__emulator/tokens/expire", new { seconds = 0 });
        var afterExpire = await ListAsync(token);
        var fresh = await Client.LoginAsync(Emulator.AccessId, Emulator.AccessKey);
        var revoke = await Client.Http.PostAsJsonAsync("__emulator/tokens/revoke", new { token = fresh });
        var afterRevoke = await ListAsync(fresh);
        var unknownMethod = await Client.Http.PostAsJsonAsync("__emulator/tokens/revoke", new { authMethod = "/nobody" });
        var negative = await Client.Http.PostAsJsonAsync("__emulator/tokens/expire", new { seconds = -1 });

        Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        Assert.Equal(1, (await expire.Content.ReadFromJsonAsync<JsonObject>())!["tokens"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpire);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMethod.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }
}
