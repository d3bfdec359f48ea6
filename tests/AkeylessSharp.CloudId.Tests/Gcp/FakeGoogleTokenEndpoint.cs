using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>
/// Google's OAuth token endpoint, in memory: a service account's ID token needs a JWT-bearer exchange with Google, so the
/// tests give Google.Apis.Auth this handler instead of the network. It checks the signed assertion the library sends
/// (service-account key, <c>target_audience</c>) and answers with an ID token for that audience and account.
/// </summary>
internal sealed class FakeGoogleTokenEndpoint : HttpMessageHandler
{
    public const string TokenUri = "https://oauth2.googleapis.com/token";
    // Shared keys: generating RSA keys is the slowest part of these tests.
    private static readonly RSA s_googleKey = RSA.Create(2048);
    private static readonly RSA s_serviceAccountKey = RSA.Create(2048);

    /// <summary>Creates the endpoint and a service account; <paramref name="ownKey"/> gives the account a key of its own.</summary>
    public FakeGoogleTokenEndpoint(string clientEmail = "akeyless-ci@test-project.iam.gserviceaccount.com", bool ownKey = false)
    {
        ClientEmail = clientEmail;
        ClientId = "1234567890123456789";
        ServiceAccountKey = ownKey ? RSA.Create(2048) : s_serviceAccountKey;
    }

    public string ClientEmail { get; }

    public string ClientId { get; }

    /// <summary>The service account's private key, generated for the test.</summary>
    public RSA ServiceAccountKey { get; }

    public int Requests { get; private set; }

    public List<string> Audiences { get; } = [];

    /// <summary>A service-account key file as the Cloud console downloads it, with this endpoint's key pair.</summary>
    public string ServiceAccountJson() => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = "test-project",
        ["private_key_id"] = "0123456789abcdef0123456789abcdef01234567",
        ["private_key"] = ServiceAccountKey.ExportPkcs8PrivateKeyPem(),
        ["client_email"] = ClientEmail,
        ["client_id"] = ClientId,
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = TokenUri,
    }.ToJsonString();

    /// <summary>A <see cref="GoogleCredential"/> for the key file whose HTTP calls come here.</summary>
    public GoogleCredential Credential() => CredentialFactory.FromJson<ServiceAccountCredential>(ServiceAccountJson()).ToGoogleCredential().CreateWithHttpClientFactory(new Factory(this));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (request.Method != HttpMethod.Post || request.RequestUri?.ToString() != TokenUri)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var form = (await request.Content!.ReadAsStringAsync(cancellationToken))
            .Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]));
        var assertion = form["assertion"];
        var claims = TestJwt.ReadClaims(assertion);
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !TestJwt.Verify(ServiceAccountKey, assertion)
            || (string?)claims["iss"] != ClientEmail || claims["target_audience"] is null)
        {
            return Json(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Invalid JWT Signature." });
        }

        var audience = (string)claims["target_audience"]!;
        Audiences.Add(audience);
        var now = DateTimeOffset.UtcNow;
        var idToken = TestJwt.Create(s_googleKey, new JsonObject
        {
            ["iss"] = "https://accounts.google.com",
            ["aud"] = audience,
            ["azp"] = ClientId,
            ["sub"] = ClientId,
            ["email"] = ClientEmail,
            ["email_verified"] = true,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }, keyId: "google-test-key");
        return Json(HttpStatusCode.OK, new JsonObject { ["id_token"] = idToken });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private sealed class Factory(FakeGoogleTokenEndpoint endpoint) : HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => endpoint;
    }
}
