using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Ssh;

public sealed class SshCertificateTests : EmulatorTestBase, IDisposable
{
    private const string SshKeygen = "/usr/bin/ssh-keygen";
    private static readonly RSA RsaCa = RSA.Create(2048);
    private static readonly ECDsa EcCa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TempDirectory _dir = new("akeyless-ssh-");

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = $$"""
        { "items": [
            { "name": "/ssh/rsa-ca", "type": "ssh-cert-issuer", "sshIssuer": { "caPrivateKeyPem": {{TestJwt.Json(RsaCa.ExportPkcs8PrivateKeyPem())}}, "allowedUsers": ["ubuntu", "deploy"], "ttlSeconds": 600 } },
            { "name": "/ssh/ec-ca", "type": "ssh-cert-issuer", "sshIssuer": { "caPrivateKeyPem": {{TestJwt.Json(EcCa.ExportPkcs8PrivateKeyPem())}}, "allowedUsers": ["*"] } }
        ] }
        """,
    };

    private async Task<string> UserPublicKeyAsync(string type)
    {
        var path = _dir.File("id_" + type);
        await RunAsync(SshKeygen, "-q", "-t", type, "-N", "", "-f", path);
        return await File.ReadAllTextAsync(path + ".pub");
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await p.WaitForExitAsync(timeout.Token);
        Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}");
        return await stdout;
    }

    [Theory]
    [InlineData("/ssh/rsa-ca", "ed25519", "RSA")]
    [InlineData("/ssh/rsa-ca", "rsa", "RSA")]
    [InlineData("/ssh/ec-ca", "ecdsa", "ECDSA")]
    public async Task GetSshCertificate_SignedCertificate_IsAcceptedBySshKeygen(string issuer, string userKeyType, string caType)
    {
        Assert.True(File.Exists(SshKeygen), "ssh-keygen (openssh-client) is required for this test");
        var publicKey = await UserPublicKeyAsync(userKeyType);

        var r = await Client.PostAsync("get-ssh-certificate", new JsonObject
        {
            ["cert-issuer-name"] = issuer, ["cert-username"] = "ubuntu", ["public-key-data"] = publicKey, ["ttl"] = 300,
        });

        var cert = r.AssertStatus(HttpStatusCode.OK).Str("data");
        var certPath = _dir.File("id-cert.pub");
        await File.WriteAllTextAsync(certPath, cert + "\n");
        var listing = await RunAsync(SshKeygen, "-L", "-f", certPath);
        Assert.Contains("user certificate", listing, StringComparison.Ordinal);
        Assert.Contains("ubuntu", listing, StringComparison.Ordinal);
        Assert.Contains($"Signing CA: {caType}", listing, StringComparison.Ordinal);
        Assert.Contains("permit-pty", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSshCertificate_UserNotAllowed_Returns403()
    {
        var r = await Client.PostAsync("get-ssh-certificate", new JsonObject
        {
            ["cert-issuer-name"] = "/ssh/rsa-ca", ["cert-username"] = "root", ["public-key-data"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAr4MPcqRw6XhJ5lgpqMSUfLQ1NzeHhKQ0q7u2qk3B8N",
        });

        r.AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task GetSshCertificate_InvalidPublicKey_Returns400NamingField()
    {
        var r = await Client.PostAsync("get-ssh-certificate", new JsonObject
        {
            ["cert-issuer-name"] = "/ssh/rsa-ca", ["cert-username"] = "ubuntu", ["public-key-data"] = "not a key",
        });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("public-key-data", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSshCertificate_MissingIssuer_Returns404()
    {
        var r = await Client.PostAsync("get-ssh-certificate", new JsonObject
        {
            ["cert-issuer-name"] = "/ssh/none", ["cert-username"] = "ubuntu", ["public-key-data"] = "ssh-ed25519 AAAA",
        });

        r.AssertStatus(HttpStatusCode.NotFound);
    }

    public void Dispose() => _dir.Dispose();
}
