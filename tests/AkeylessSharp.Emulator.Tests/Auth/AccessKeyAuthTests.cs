using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class AccessKeyAuthTests
{
    [Fact]
    public async Task Auth_DefaultCredential_ReturnsTokenWithConsistentExpiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { TimeProvider = clock });
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("auth", new JsonObject
        {
            ["access-id"] = "p-akeylessemu1a0", ["access-key"] = "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=", ["access-type"] = "access_key", ["json"] = false,
        });

        r.AssertStatus(HttpStatusCode.OK);
        Assert.Matches("^t-[0-9a-f]{32}$", r.Str("token"));
        Assert.Equal("2025-01-02T04:04:05Z", r.Str("expiration"));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 4, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds(), r.Json!["creds"]!["expiry"]!.GetValue<long>());
        Assert.Equal("p-akeylessemu1a0", r.Json!["creds"]!["access_id"]!.GetValue<string>());
        Assert.Equal(r.Str("token"), r.Json!["creds"]!["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_ServedUnderApiV2Prefix_Works()
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(new Uri(emulator.BaseUrl, "api/v2/"));

        var token = await client.LoginAsync(emulator.AccessId, emulator.AccessKey);

        Assert.StartsWith("t-", token, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p-akeylessemu1a0", "wrong")]
    [InlineData("p-unknown000000", "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=")]
    public async Task Auth_BadCredential_Returns401(string accessId, string accessKey)
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("auth", new JsonObject { ["access-id"] = accessId, ["access-key"] = accessKey });

        r.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("saml")]
    [InlineData("oidc")]
    [InlineData("ldap")]
    [InlineData("password")]
    [InlineData("oci")]
    [InlineData("kerberos")]
    public async Task Auth_InteractiveAccessType_Returns400NotSupported(string accessType)
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("auth", new JsonObject { ["access-id"] = emulator.AccessId, ["access-type"] = accessType });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains($"access type {accessType} is not supported by the emulator", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_UnknownAccessType_Returns400NamingField()
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("auth", new JsonObject { ["access-id"] = emulator.AccessId, ["access-type"] = "magic" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("access-type", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_TokenPastTtl_Returns401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { TimeProvider = clock, TokenTtl = TimeSpan.FromMinutes(10) });
        using var client = new EmulatorClient(emulator.BaseUrl);
        await client.LoginAsync(emulator.AccessId, emulator.AccessKey);
        (await client.PostAsync("list-items")).AssertStatus(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var r = await client.PostAsync("list-items");

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains("expired", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("t-00000000000000000000000000000000")]
    public async Task Command_MissingOrUnknownToken_Returns401(string? token)
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl) { Token = token };

        var r = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/x") });

        r.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaticCredsAuth_AccessKeyAsCreds_ReturnsToken()
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var ok = await client.PostAsync("static-creds-auth", new JsonObject { ["access-id"] = emulator.AccessId, ["creds"] = emulator.AccessKey });
        var bad = await client.PostAsync("static-creds-auth", new JsonObject { ["access-id"] = emulator.AccessId, ["creds"] = "nope" });

        ok.AssertStatus(HttpStatusCode.OK);
        Assert.StartsWith("t-", ok.Str("token"), StringComparison.Ordinal);
        bad.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaticCredsAuth_CliStoredCredentialsFileAsCreds_ReturnsToken()
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("static-creds-auth", new JsonObject { ["access-id"] = emulator.AccessId, ["creds"] = $"{{\"creds\":\"{emulator.AccessKey}\"}}" });

        Assert.StartsWith("t-", r.AssertStatus(HttpStatusCode.OK).Str("token"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CustomCredential_UsedInsteadOfDefault()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { AccessId = "p-custom0000001a0", AccessKey = "custom-key" });
        using var client = new EmulatorClient(emulator.BaseUrl);

        await client.LoginAsync("p-custom0000001a0", "custom-key");

        Assert.Equal("p-custom0000001a0", emulator.AccessId);
        Assert.Equal("custom-key", emulator.AccessKey);
    }

    // auth refuses an empty access-id or access-key as missing, so such a development credential could never log in.
    [Theory]
    [InlineData("", "custom-key", "AccessId")]
    [InlineData("p-custom0000001a0", "", "AccessKey")]
    public async Task StartAsync_EmptyCustomCredential_FailsNamingTheOption(string accessId, string accessKey, string option)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { AccessId = accessId, AccessKey = accessKey }));

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    // The stored-credentials form is JSON inside a string: a lone surrogate escape in its creds used to throw reading it, a 500.
    [Theory]
    [InlineData("""{"creds":"\ud800"}""")]
    [InlineData("""{"creds":"key\udc00"}""")]
    public async Task StaticCredsAuth_StoredCredentialsWithALoneSurrogateEscape_Returns401NotA500(string creds)
    {
        await using var emulator = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(emulator.BaseUrl);

        var r = await client.PostAsync("static-creds-auth", new JsonObject { ["access-id"] = emulator.AccessId, ["creds"] = creds });

        r.AssertStatus(HttpStatusCode.Unauthorized);
    }
}
