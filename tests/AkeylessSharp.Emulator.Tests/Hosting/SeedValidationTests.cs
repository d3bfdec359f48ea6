namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// Seeds and options that used to start and then crash (a null where a list entry or a property belongs), answer 500
/// (a rotation date past year 9999, a trust key that cannot be loaded) or issue tokens already expired: each now stops
/// the start with one message naming what is wrong.
/// </summary>
public sealed class SeedValidationTests
{
    [Theory]
    [InlineData("""{ "items": null }""", "items")]
    [InlineData("""{ "items": [ null ] }""", "$.items[0]")]
    [InlineData("""{ "authMethods": [ null ] }""", "$.authMethods[0]")]
    [InlineData("""{ "uidTokens": null }""", "uidTokens")]
    [InlineData("""{ "items": [ { "name": "/a", "type": null, "value": "x" } ] }""", "$.items[0].type")]
    [InlineData("""{ "items": [ { "name": "/a", "format": null, "value": "x" } ] }""", "$.items[0].format")]
    [InlineData("""{ "items": [ { "name": "/a", "value": "x", "tags": null } ] }""", "$.items[0].tags")]
    [InlineData("""{ "items": [ { "name": "/a", "value": "x", "versions": [ null ] } ] }""", "$.items[0].versions[0]")]
    [InlineData("""{ "roles": [ { "name": "r", "authMethods": [ null ] } ] }""", "$.roles[0].authMethods[0]")]
    [InlineData("""{ "roles": [ { "name": "r", "authMethods": [ "/x" ], "rules": [ null ] } ] }""", "$.roles[0].rules[0]")]
    [InlineData("""{ "uidTokens": [ { "token": "u-x", "authMethod": null } ] }""", "$.uidTokens[0].authMethod")]
    [InlineData("""{ "authMethods": [ { "name": "/j", "type": "jwt", "jwt": { "boundClaims": { "sub": null } } } ] }""", "boundClaims.sub")]
    public async Task StartAsync_NullInSeed_ThrowsNamingItsPath(string seed, string path)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(seed));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AkeylessSharp.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nullability", e.Message, StringComparison.Ordinal);
    }

    // Taken over, the advertised AccessId/AccessKey no longer authenticated (401), or AccessKey was null.
    [Theory]
    [InlineData("""{ "authMethods": [ { "name": "/ci/key", "type": "access_key", "accessId": "p-akeylessemu1a0", "accessKey": "b3RoZXI=" } ] }""", "p-akeylessemu1a0")]
    [InlineData("""{ "authMethods": [ { "name": "/emulator/dev-access-key", "type": "jwt", "jwt": { "publicKeys": [] } } ] }""", "/emulator/dev-access-key")]
    public async Task StartAsync_SeedAuthMethodTakingTheDevelopmentCredential_ThrowsNamingIt(string seed, string taken)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(seed));

        Assert.Contains(taken, e.Message, StringComparison.Ordinal);
        Assert.Contains("development credential", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "items": [ { "name": "/r", "type": "rotated", "rotated": { "rotationIntervalSeconds": 400000000000 } } ] }""", "rotationIntervalSeconds")]
    [InlineData("""{ "items": [ { "name": "/r", "type": "rotated", "rotated": { "rotationIntervalSeconds": -1 } } ] }""", "rotationIntervalSeconds")]
    [InlineData("""{ "items": [ { "name": "/d", "type": "dynamic", "dynamic": { "ttlSeconds": 0 } } ] }""", "ttlSeconds")]
    [InlineData("""{ "items": [ { "name": "/j", "value": "not json", "format": "json" } ] }""", "format json")]
    [InlineData("""{ "items": [ { "name": "/j", "value": "x", "format": "yaml" } ] }""", "format")]
    [InlineData("""{ "authMethods": [ { "name": "/k", "type": "access_key", "accessKey": "a2V5", "tokenTtlSeconds": 0 } ] }""", "tokenTtlSeconds")]
    [InlineData("""{ "authMethods": [ { "name": "/u", "type": "universal_identity", "universalIdentity": { "ttlSeconds": -1 } } ] }""", "universalIdentity.ttlSeconds")]
    // An access_key method no key can match: nothing could ever log in with it.
    [InlineData("""{ "authMethods": [ { "name": "/k", "type": "access_key" } ] }""", "authMethods[0].accessKey")]
    [InlineData("""{ "authMethods": [ { "name": "/u", "type": "universal_identity" }, { "name": "/k", "accessKey": " " } ] }""", "authMethods[1].accessKey")]
    // auth and uid-rotate-token take only u- tokens, and bulk revokes treat t- ones as API tokens.
    [InlineData("""{ "authMethods": [ { "name": "/u", "type": "universal_identity" } ], "uidTokens": [ { "token": "seeded", "authMethod": "/u" } ] }""", "uidTokens[0].token")]
    [InlineData("""{ "authMethods": [ { "name": "/u", "type": "universal_identity" } ], "uidTokens": [ { "token": "t-seeded", "authMethod": "/u" } ] }""", "uidTokens[0].token")]
    // A misspelt capability granted nothing: every call of the role's clients was a 403 with no hint at start.
    [InlineData("""{ "roles": [ { "name": "/r", "rules": [ { "path": "/*", "capabilities": ["raed"] } ] } ] }""", "roles[0].rules[0].capabilities[0]")]
    [InlineData("""{ "roles": [ { "name": "/r", "rules": [ { "capabilities": ["read"] }, { "capabilities": ["list", "write"] } ] } ] }""", "roles[0].rules[1].capabilities[1]")]
    public async Task StartAsync_OutOfRangeSeedValue_ThrowsNamingTheField(string seed, string field)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(seed));

        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "publicKeys": [ "not a pem" ] } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": "not json" } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": 5 } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": { "keys": [ 5 ] } } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": { "keys": [ { "kty": "RSA", "n": "", "e": "" } ] } } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": { "keys": [ { "kty": "RSA", "n": "!!", "e": "AQAB" } ] } } }""")]
    [InlineData("""{ "name": "/bad", "type": "jwt", "jwt": { "jwks": { "keys": [ { "kty": "EC", "crv": "P-256", "x": "AA", "y": "AA" } ] } } }""")]
    [InlineData("""{ "name": "/bad", "type": "k8s", "k8s": { "configs": [ { "name": "c", "publicKeyPem": "not a pem" } ] } }""")]
    [InlineData("""{ "name": "/bad", "type": "cert", "cert": { "caCertificatePem": "not a pem" } }""")]
    [InlineData("""{ "name": "/bad", "type": "cert", "cert": { "caCertificatePem": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" } }""")]
    public async Task StartAsync_AuthMethodKeyThatCannotLoad_ThrowsNamingTheMethod(string method)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync($$"""{ "authMethods": [ {{method}} ] }"""));

        Assert.Contains("'/bad'", e.Message, StringComparison.Ordinal);
    }

    // The README's limits table says a seed over them stops the start, as create-rotated-secret answers 400.
    [Theory]
    [InlineData("username", 1025, "rotated-username")]
    [InlineData("password", 16 * 1024 + 1, "MaxValueBytes")]
    public async Task StartAsync_SeedRotatedFieldOverItsLimit_ThrowsNamingIt(string field, int length, string expected)
    {
        var seed = $$"""{ "items": [ { "name": "/r", "type": "rotated", "rotated": { "{{field}}": "{{new string('x', length)}}" } } ] }""";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(seed));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedItemNameOverMaxLength_ThrowsNamingTheSeed()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync($$"""{ "items": [ { "name": "/{{new string('n', 1100)}}", "value": "x" } ] }"""));

        Assert.StartsWith("The seed SeedJson is not valid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedValueOverMaxValueBytes_ThrowsNamingTheItemAndTheLimit()
    {
        // The API refuses such a value with a 400; a seed used to store it anyway.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync($$"""{ "items": [ { "name": "/big", "versions": [ "{{new string('v', 16 * 1024 + 1)}}" ], "value": "small" } ] }"""));

        Assert.StartsWith("The seed SeedJson is not valid", e.Message, StringComparison.Ordinal);
        Assert.Contains("seed item /big", e.Message, StringComparison.Ordinal);
        Assert.Contains("16384 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TokenTtlPastTheCalendar_Throws()
    {
        // It used to start, then answer every auth with 500: the expiry date overflowed.
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { TokenTtl = TimeSpan.MaxValue });
        });

        Assert.Equal("TokenTtl", e.ParamName);
    }

    private static async Task StartAsync(string seed)
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed });
    }
}
