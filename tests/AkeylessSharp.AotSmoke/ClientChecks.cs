using System.Text.Json.Nodes;

namespace AkeylessSharp.AotSmoke;

/// <summary>The client's operations, its typed errors and its JSON, without a cache.</summary>
internal static class ClientChecks
{
    public static async Task RunAsync(string apiUrl)
    {
        using var client = new AkeylessClient(Check.Options(apiUrl));
        string value = Guid.NewGuid().ToString("N");
        await client.UpsertSecretAsync("/aot/app/password", value, new CreateSecretOptions { Description = "aot", Tags = ["aot:smoke"] });
        await client.UpsertSecretAsync("/aot/app/settings", """{"user":"app","port":5432}""");
        Check.That(await client.GetSecretAsync("/aot/app/password") == value, "client: create and read a static secret");

        var many = await client.GetSecretsAsync(["/aot/app/password", "/aot/app/settings"]);
        Check.That(many.Count == 2 && many["/aot/app/password"] == value, "client: read two secrets in one request");
        Check.That(await client.TryGetSecretAsync("/aot/app/missing") is null, "client: TryGetSecretAsync of a missing path");
        var port = await client.GetSecretAsync("/aot/app/settings", new SecretRequestOptions { JsonAttribute = "port" });
        Check.That(port == "5432", "client: a JSON attribute of a secret");

        await client.UpdateSecretValueAsync("/aot/app/password", value + "2");
        var item = await client.DescribeItemAsync("/aot/app/password");
        Check.That(item.Type == AkeylessItemType.StaticSecret && item.Tags.Contains("aot:smoke"), "client: describe an item");
        Check.That((await client.ListSecretsAsync("/aot/app")).Contains("password"), "client: list secrets");

        var dynamic = await client.GetDynamicSecretAsync("/aot/db/dynamic");
        Check.That(dynamic.Username?.StartsWith("tmp_", StringComparison.Ordinal) == true && !string.IsNullOrEmpty(dynamic.Password), "client: a dynamic secret");
        var rotated = await client.GetRotatedSecretAsync("/aot/db/rotated");
        Check.That(rotated.Username == "svc", "client: a rotated secret");
        var detected = await client.GetAsync("/aot/db/rotated");
        Check.That(detected.Type == AkeylessItemType.RotatedSecret, "client: GetAsync detects the item type");

        JsonNode? described = await client.InvokeAsync("describe-item", new JsonObject { ["name"] = "/aot/app/password" });
        Check.That(described?["item_name"]?.GetValue<string>() == "/aot/app/password", "client: InvokeAsync with a JSON body");
        Check.That((await client.TestConnectionAsync()).Success, "client: TestConnectionAsync");

        await client.DeleteItemAsync("/aot/app/password");
        await Check.Throws<AkeylessNotFoundException>(() => client.GetSecretAsync("/aot/app/password").AsTask(), "client: a deleted secret is AkeylessNotFoundException");
        await Check.Throws<AkeylessConflictException>(() => client.CreateSecretAsync("/aot/app/settings", "x"), "client: creating an existing secret is AkeylessConflictException");

        using var wrongKey = new AkeylessClient(new AkeylessClientOptions { ApiUrl = apiUrl, AccessId = Check.AccessId, AccessKey = "d3Jvbmcta2V5", MaxRetries = 0 });
        await Check.Throws<AkeylessUnauthorizedException>(() => wrongKey.GetSecretAsync("/aot/app/settings").AsTask(), "client: a wrong access key is AkeylessUnauthorizedException");
    }
}
