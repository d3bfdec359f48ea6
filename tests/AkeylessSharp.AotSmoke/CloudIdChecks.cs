using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.AotSmoke;

/// <summary>
/// Each cloud's identity package authenticating to the emulator, with offline credentials: fixed AWS keys (signed
/// locally with SigV4), an Azure token credential, and Google's application default credentials on a loopback metadata
/// server. The emulator checks the signature (AWS) or the claims (Azure, GCP) against seed.json. A Google key file is
/// not read here: Google.Apis.Auth parses it with Newtonsoft.Json, which fails under Native AOT (the gcp package says so).
/// </summary>
internal static class CloudIdChecks
{
    private const string Path = "/aot/cloud/secret";
    private const string Expected = "read-with-a-cloud-identity";
    private const string ServiceAccount = "aot-smoke@test-project.iam.gserviceaccount.com";

    public static async Task RunAsync(string apiUrl)
    {
        await ReadAsync(apiUrl, "aws", AkeylessAccessType.AwsIam, "p-aotsmokeaws0w0",
            b => b.AddAwsCloudId(o => o.AwsCredentials = new BasicAWSCredentials("AKIAAOTSMOKETEST0001", "aot/smoke/test/secret/access/key/0000000")));
        await ReadAsync(apiUrl, "azure", AkeylessAccessType.AzureAd, "p-aotsmokeazu0z0",
            b => b.AddAzureCloudId(o => o.AzureCredential = new OfflineAzureCredential()));
        using (var metadata = new FakeMetadataServer(GoogleIdToken))
        {
            Environment.SetEnvironmentVariable("GCE_METADATA_HOST", metadata.Host);
            await ReadAsync(apiUrl, "gcp, application default credentials on the metadata server", AkeylessAccessType.Gcp, "p-aotsmokegcp0g0", b => b.AddGcpCloudId());
            Check.That(metadata.Requests is [("akeyless.io", true, "full")], "cloud id: gcp asked the metadata server for one ID token");
        }
    }

    private static async Task ReadAsync(string apiUrl, string name, AkeylessAccessType accessType, string accessId, Action<IAkeylessBuilder> cloud)
    {
        var services = new ServiceCollection();
        cloud(services.AddAkeyless(o => { o.ApiUrl = apiUrl; o.AccessType = accessType; o.AccessId = accessId; }));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Check.That(await provider.GetRequiredService<IAkeylessClient>().GetSecretAsync(Path) == Expected, $"cloud id: {name}");
    }

    /// <summary>An unsigned JWT: the emulator reads an Azure or Google token's claims, as it cannot check a real signature.</summary>
    private static string Jwt(JsonObject claims) =>
        $"{Base64Url("""{"alg":"RS256","typ":"JWT"}""")}.{Base64Url(claims.ToJsonString())}.{Base64Url("signature")}";

    private static string GoogleIdToken(string audience)
    {
        var now = DateTimeOffset.UtcNow;
        return Jwt(new JsonObject
        {
            ["iss"] = "https://accounts.google.com",
            ["aud"] = audience,
            ["email"] = ServiceAccount,
            ["email_verified"] = true,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class OfflineAzureCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var expires = DateTimeOffset.UtcNow.AddHours(1);
            return new AccessToken(Jwt(new JsonObject
            {
                ["aud"] = "https://management.azure.com/",
                ["iss"] = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/",
                ["tid"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                ["oid"] = "5e9f2b1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
                ["exp"] = expires.ToUnixTimeSeconds(),
            }), expires);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
