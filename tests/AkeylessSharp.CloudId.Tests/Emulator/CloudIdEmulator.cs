using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>
/// An in-process emulator seeded with one auth method per cloud, a secret and a role that lets all three read it.
/// The emulator verifies aws_iam SigV4 signatures with the trusted credentials below, azure_ad <c>tid</c>/<c>oid</c>,
/// and gcp <c>aud</c>/<c>email</c>.
/// </summary>
internal static class CloudIdEmulator
{
    public const string AwsAccessId = "p-cloudidaws00w0";
    public const string AzureAccessId = "p-cloudidazur0z0";
    public const string GcpAccessId = "p-cloudidgcp00g0";
    public const string AwsKeyId = "AKIACLOUDIDTESTKEY01";
    public const string AwsSecret = "cloud/id/test/secret/access/key/00000000";
    public const string AwsArn = "arn:aws:iam::123456789012:role/airflow-worker";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ObjectId = "5e9f2b1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string ServiceAccount = "akeyless-ci@test-project.iam.gserviceaccount.com";
    public const string SecretPath = "/cloud/db-password";
    public const string SecretValue = "s3cr3t-from-the-cloud";

    public static Task<AkeylessEmulator> StartAsync(TimeProvider? timeProvider = null) => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        TimeProvider = timeProvider ?? TimeProvider.System,
        SeedJson = $$"""
        {
          "authMethods": [
            { "name": "/cloud/aws", "accessId": "{{AwsAccessId}}", "type": "aws_iam",
              "awsIam": { "credentials": [ { "accessKeyId": "{{AwsKeyId}}", "secretAccessKey": "{{AwsSecret}}", "arn": "{{AwsArn}}" } ],
                          "boundAccountIds": [ "123456789012" ] } },
            { "name": "/cloud/azure", "accessId": "{{AzureAccessId}}", "type": "azure_ad",
              "azureAd": { "tenantIds": [ "{{TenantId}}" ], "objectIds": [ "{{ObjectId}}" ] } },
            { "name": "/cloud/gcp", "accessId": "{{GcpAccessId}}", "type": "gcp",
              "gcp": { "serviceAccounts": [ "{{ServiceAccount}}" ] } }
          ],
          "roles": [
            { "name": "cloud-readers", "authMethods": [ "/cloud/aws", "/cloud/azure", "/cloud/gcp" ],
              "rules": [ { "path": "/cloud/*", "capabilities": [ "read", "list" ] } ] }
          ],
          "items": [ { "name": "{{SecretPath}}", "type": "static", "value": "{{SecretValue}}" } ]
        }
        """,
    });

    /// <summary>Posts <c>/auth</c> directly, as any SDK would, and returns the status and the token or error.</summary>
    public static async Task<(HttpStatusCode Status, string? Token, string? Error)> AuthAsync(
        this AkeylessEmulator emulator, string accessType, string accessId, string cloudId, string? gcpAudience = null)
    {
        using var http = new HttpClient();
        var body = new JsonObject { ["access-type"] = accessType, ["access-id"] = accessId, ["cloud-id"] = cloudId, ["json"] = false };
        if (gcpAudience is not null)
        {
            body["gcp-audience"] = gcpAudience;
        }

        using var response = await http.PostAsJsonAsync(new Uri(emulator.BaseUrl, "auth"), body);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, (string?)json["token"], (string?)json["error"]);
    }
}
