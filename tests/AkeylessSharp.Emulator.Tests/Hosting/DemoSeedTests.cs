using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

public sealed class DemoSeedTests
{
    private static readonly string DemoSeed = Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json");

    [Fact]
    public async Task StartAsync_DemoSeed_LoadsItemsMethodsAndOpenSshCaKey()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedPath = DemoSeed });
        using var client = new EmulatorClient(emulator.BaseUrl);
        await client.LoginAsync("p-demoapikey01a0", "ZGVtby1hcGkta2V5");

        var value = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/demo/db/password"), ["version"] = 1 });
        var denied = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/demo/new", ["value"] = "x" });
        var cert = await client.PostAsync("get-ssh-certificate", new JsonObject
        {
            ["cert-issuer-name"] = "/demo/ssh/issuer", ["cert-username"] = "ubuntu",
            ["public-key-data"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAr4MPcqRw6XhJ5lgpqMSUfLQ1NzeHhKQ0q7u2qk3B8N",
        });
        var uid = await client.PostAsync("auth", new JsonObject { ["access-type"] = "universal_identity", ["uid-token"] = "u-demo-universal-identity-token" }, withToken: false);

        Assert.Equal("s3cr3t-v1", value.AssertStatus(HttpStatusCode.OK).Str("/demo/db/password"));
        denied.AssertStatus(HttpStatusCode.Forbidden);
        Assert.StartsWith("ssh-ed25519-cert-v01@openssh.com ", cert.AssertStatus(HttpStatusCode.OK).Str("data"), StringComparison.Ordinal);
        uid.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_InvalidSeed_ThrowsWithClearMessage()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = """{ "authMethods": [ { "name": "/x", "type": "saml" } ] }""" }));

        Assert.Contains("saml", e.Message, StringComparison.Ordinal);
    }
}
