using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class JwtAndCloudAuthTests : EmulatorTestBase
{
    // Shared across tests: RSA key generation is the slow part of this class.
    private static readonly RSA _issuerKey = RSA.Create(2048);
    private static readonly RSA _otherKey = RSA.Create(2048);
    private static readonly ECDsa _k8sKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    protected override AkeylessEmulatorOptions CreateOptions()
    {
        var n = TestJwt.B64Url(_issuerKey.ExportParameters(false).Modulus!);
        var e = TestJwt.B64Url(_issuerKey.ExportParameters(false).Exponent!);
        return new AkeylessEmulatorOptions
        {
            SeedJson = $$"""
            {
              "authMethods": [
                { "name": "/ci/jwt", "accessId": "p-jwtmethod000o0", "type": "jwt",
                  "jwt": { "issuer": "https://issuer.test", "audience": "akeyless", "publicKeys": [{{TestJwt.Json(_issuerKey.ExportSubjectPublicKeyInfoPem())}}], "boundClaims": { "sub": "ci,deploy" } } },
                { "name": "/ci/jwks", "accessId": "p-jwksmethod00o0", "type": "jwt",
                  "jwt": { "issuer": "https://issuer.test", "jwks": { "keys": [ { "kty": "RSA", "n": "{{n}}", "e": "{{e}}" } ] } } },
                { "name": "/k8s/cluster", "accessId": "p-k8smethod000k0", "type": "k8s",
                  "k8s": { "configs": [ { "name": "cluster-a", "tokens": ["static.sa.token"] }, { "name": "cluster-b", "publicKeyPem": {{TestJwt.Json(_k8sKey.ExportSubjectPublicKeyInfoPem())}} } ] } },
                { "name": "/azure", "accessId": "p-azuremethod0z0", "type": "azure_ad", "azureAd": { "tenantIds": ["tenant-1"] } },
                { "name": "/gcp", "accessId": "p-gcpmethod000g0", "type": "gcp", "gcp": { "serviceAccounts": ["svc@proj.iam.gserviceaccount.com"] } }
              ]
            }
            """,
        };
    }

    private Task<ApiResponse> AuthAsync(JsonObject body) => Client.PostAsync("auth", body, withToken: false);

    private JsonObject Jwt(string accessId, string jwt) => new() { ["access-id"] = accessId, ["access-type"] = "jwt", ["jwt"] = jwt };

    [Fact]
    public async Task Jwt_ValidToken_ReturnsToken()
    {
        var jwt = TestJwt.Create(TestJwt.Claims(DateTimeOffset.UtcNow, "https://issuer.test", "akeyless"), _issuerKey);

        (await AuthAsync(Jwt("p-jwtmethod000o0", jwt))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(Jwt("p-jwksmethod00o0", jwt))).AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("unbound-subject")]
    [InlineData("unsigned")]
    [InlineData("not-a-jwt")]
    public async Task Jwt_InvalidToken_Returns401(string variant)
    {
        var now = DateTimeOffset.UtcNow;
        var jwt = variant switch
        {
            "wrong-key" => TestJwt.Create(TestJwt.Claims(now, "https://issuer.test", "akeyless"), _otherKey),
            "wrong-issuer" => TestJwt.Create(TestJwt.Claims(now, "https://evil.test", "akeyless"), _issuerKey),
            "wrong-audience" => TestJwt.Create(TestJwt.Claims(now, "https://issuer.test", "other"), _issuerKey),
            "expired" => TestJwt.Create(TestJwt.Claims(now.AddHours(-2), "https://issuer.test", "akeyless"), _issuerKey),
            "unbound-subject" => TestJwt.Create(TestJwt.Claims(now, "https://issuer.test", "akeyless", sub: "intruder"), _issuerKey),
            "unsigned" => TestJwt.Create(TestJwt.Claims(now, "https://issuer.test", "akeyless")),
            _ => "definitely-not-a-jwt",
        };

        (await AuthAsync(Jwt("p-jwtmethod000o0", jwt))).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task K8s_AcceptedTokenOrSignedToken_ReturnsToken_OthersRejected()
    {
        JsonObject K8s(string config, string token) => new()
        {
            ["access-id"] = "p-k8smethod000k0", ["access-type"] = "k8s", ["k8s-auth-config-name"] = config,
            ["k8s-service-account-token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(token)), ["gateway-url"] = "http://gw",
        };
        var signed = TestJwt.Create(TestJwt.Claims(DateTimeOffset.UtcNow, "kubernetes/serviceaccount", "k8s"), ec: _k8sKey);
        var forged = TestJwt.Create(TestJwt.Claims(DateTimeOffset.UtcNow, "kubernetes/serviceaccount", "k8s"), _otherKey);

        (await AuthAsync(K8s("cluster-a", "static.sa.token"))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(K8s("cluster-b", signed))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(K8s("cluster-b", forged))).AssertStatus(HttpStatusCode.Unauthorized);
        (await AuthAsync(K8s("cluster-a", "other.sa.token"))).AssertStatus(HttpStatusCode.Unauthorized);
        (await AuthAsync(K8s("cluster-z", "static.sa.token"))).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AzureAd_TenantBound_ReturnsToken_OtherTenant401()
    {
        string Token(string tid) => TestJwt.Create(new JsonObject { ["tid"] = tid, ["oid"] = "o", ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds() }, _otherKey);
        JsonObject Body(string cloudId) => new() { ["access-id"] = "p-azuremethod0z0", ["access-type"] = "azure_ad", ["cloud-id"] = cloudId };

        (await AuthAsync(Body(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token("tenant-1")))))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(Body(Token("tenant-1")))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(Body(Token("tenant-2")))).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Gcp_AudienceAndEmail_Checked()
    {
        string Token(string aud, string email) => Convert.ToBase64String(Encoding.UTF8.GetBytes(TestJwt.Create(new JsonObject
        {
            ["aud"] = aud, ["email"] = email, ["exp"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        }, _otherKey)));
        JsonObject Body(string cloudId) => new() { ["access-id"] = "p-gcpmethod000g0", ["access-type"] = "gcp", ["cloud-id"] = cloudId };

        (await AuthAsync(Body(Token("akeyless.io", "svc@proj.iam.gserviceaccount.com")))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(Body(Token("other", "svc@proj.iam.gserviceaccount.com")))).AssertStatus(HttpStatusCode.Unauthorized);
        (await AuthAsync(Body(Token("akeyless.io", "evil@proj.iam.gserviceaccount.com")))).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Auth_AccessIdOfOtherType_Returns401()
    {
        var r = await AuthAsync(new JsonObject { ["access-id"] = "p-jwtmethod000o0", ["access-key"] = "x" });

        r.AssertStatus(HttpStatusCode.Unauthorized);
    }
}
