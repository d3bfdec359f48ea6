using System.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

public sealed class SshCertificateTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("akeyless-ssh-").FullName;
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task GetSshCertificateAsync_AllowedUser_ReturnsCertificateSshKeygenAccepts()
    {
        var key = Path.Combine(_directory, "id");
        await RunAsync("ssh-keygen", "-t", "ecdsa", "-N", "", "-q", "-f", key);
        using var client = _harness.Client();

        var certificate = await client.GetSshCertificateAsync(EmulatorHarness.SshIssuerPath, "ubuntu", await File.ReadAllTextAsync(key + ".pub"), TimeSpan.FromMinutes(10));
        await File.WriteAllTextAsync(key + "-cert.pub", certificate + "\n");
        var listing = await RunAsync("ssh-keygen", "-L", "-f", key + "-cert.pub");

        Assert.Contains("Type: ecdsa-sha2-nistp256-cert-v01@openssh.com user certificate", listing, StringComparison.Ordinal);
        Assert.Contains("ubuntu", listing, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public async Task GetSshCertificateAsync_TtlNotPositive_ThrowsArgumentNamingTtl_AndSendsNothing(int seconds)
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetSshCertificateAsync(EmulatorHarness.SshIssuerPath, "ubuntu", "ssh-ed25519 AAAA", TimeSpan.FromSeconds(seconds)));

        Assert.Equal("ttl", ex.ParamName);
        Assert.Equal(0, _harness.Emulator.Counters.Get("get-ssh-certificate"));
    }

    [Fact]
    public async Task GetSshCertificateAsync_SubSecondTtl_AsksForOneSecondNotZero()
    {
        var key = Path.Combine(_directory, "id");
        await RunAsync("ssh-keygen", "-t", "ecdsa", "-N", "", "-q", "-f", key);
        using var client = _harness.Client();

        var certificate = await client.GetSshCertificateAsync(EmulatorHarness.SshIssuerPath, "ubuntu", await File.ReadAllTextAsync(key + ".pub"), TimeSpan.FromMilliseconds(500));
        await File.WriteAllTextAsync(key + "-cert.pub", certificate + "\n");
        var validity = System.Text.RegularExpressions.Regex.Match(await RunAsync("ssh-keygen", "-L", "-f", key + "-cert.pub"), @"Valid: from (\S+) to (\S+)");

        Assert.True(validity.Success);
        var from = DateTime.Parse(validity.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.Parse(validity.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(61), to - from);
    }

    [Fact]
    public async Task GetSshCertificateAsync_UserNotAllowed_ThrowsForbidden()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessForbiddenException>(() => client.GetSshCertificateAsync(EmulatorHarness.SshIssuerPath, "root", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl x"));
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
