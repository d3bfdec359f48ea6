using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class PermissionsAndSshCertCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Permissions_FullRights_PrintsEveryCapability()
    {
        var result = await fixture.RunAsync("permissions", EmulatorFixture.StaticPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("read\nlist\ncreate\nupdate\ndelete\n", result.Out);
    }

    [Fact]
    public async Task Permissions_Reader_PrintsReadAndListAsJson()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_ID"] = EmulatorFixture.ReaderAccessId;
        environment["AKEYLESS_ACCESS_KEY"] = EmulatorFixture.ReaderAccessKey;

        var result = await CliRun.RunAsync(environment, ["permissions", EmulatorFixture.StaticPath, "-o", "json"]);

        Assert.Equal(["read", "list"], JsonSerializer.Deserialize<string[]>(result.Out)!);
    }

    [Fact]
    public async Task SshCert_AllowedUser_PrintsOpenSshCertificate()
    {
        using var key = await TempFile.WithTextAsync(SshKeys.NewUserPublicKey());

        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "ubuntu", "--public-key-file", key.Path, "--ttl", "10m");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("ecdsa-sha2-nistp256-cert-v01@openssh.com ", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SshCert_UserNotAllowed_ExitsThree()
    {
        using var key = await TempFile.WithTextAsync(SshKeys.NewUserPublicKey());

        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "root", "--public-key-file", key.Path);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task SshCert_MissingRequiredOption_ExitsTwo()
    {
        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--username", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SshCert_PublicKeyFileHoldsAPrivateKey_ExitsTwoAndSendsNothing(bool openSshFormat)
    {
        var body = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        var pem = openSshFormat
            ? $"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----\n"
            : SshKeys.CaPrivateKeyPem.Value;
        using var key = await TempFile.WithTextAsync(pem);

        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "ubuntu", "--public-key-file", key.Path, "--verbose");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds a private key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ssh-certificate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(body, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SshCert_PublicKeyFileIsAPuttyPrivateKey_ExitsTwoAndSendsNothing()
    {
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var ppk = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20260101\nPublic-Lines: 2\n"
            + "AAAAC3NzaC1lZDI1NTE5AAAAIDwHkRyqvMXOvdvGZb0jJgTAzKLKVvRYo4KVg0ABlr1s\n\nPrivate-Lines: 1\n" + secret + "\nPrivate-MAC: 00\n";
        using var key = await TempFile.WithTextAsync(ppk);

        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "ubuntu", "--public-key-file", key.Path, "--verbose");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds a private key", result.Error, StringComparison.Ordinal);
        Assert.Contains("puttygen", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ssh-certificate", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SshCert_PublicKeyFileIsADirectory_ExitsTwoSayingSo()
    {
        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "ubuntu", "--public-key-file", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("10x")]
    [InlineData("-5")]
    [InlineData("99999999999d")]
    [InlineData("36501d")]
    public async Task SshCert_BadTtl_ExitsTwo(string ttl)
    {
        var result = await fixture.RunAsync("ssh-cert", "--issuer", EmulatorFixture.SshIssuerPath, "--username", "ubuntu", "--public-key-file", "/dev/null", "--ttl", ttl);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --ttl '{ttl}' ", result.Error, StringComparison.Ordinal);
    }
}
