using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Settings;

/// <summary>
/// The credential options of the k8s, certificate and aws_iam access types, against an emulator that holds the matching
/// Kubernetes token, CA and AWS keys. aws_iam reads the AWS keys from the process environment, like the AWS CLI, so the
/// class runs alone.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialOptionsTests : IAsyncLifetime, IDisposable
{
    private const string K8sAccessId = "p-clik8smethod01";
    private const string CertAccessId = "p-clicertmethod1";
    private const string AwsAccessId = "p-cliawsmethod01";
    private const string K8sConfig = "cluster-cli";
    private const string K8sToken = "cli-service-account-token";
    private const string AwsKeyId = "AKIACLITESTKEYID0001";
    private const string AwsSecret = "cli/test/secret/access/key/0000000000000";
    private const string Path = "/creds/value";
    private const string Value = "credential-options-work";

    private readonly RSA _caKey = RSA.Create(2048);
    private readonly RSA _clientKey = RSA.Create(2048);
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _client;
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("akeyless-cli-creds-");
    private AkeylessEmulator _emulator = null!;

    public CredentialOptionsTests()
    {
        var now = DateTimeOffset.UtcNow;
        var caRequest = new CertificateRequest("CN=CLI Test CA", _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        _client = new CertificateRequest("CN=cli", _clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Create(_ca, now.AddDays(-1), now.AddMonths(1), [7, 7, 7]);
    }

    public async Task InitializeAsync()
    {
        var seed = new
        {
            authMethods = new object[]
            {
                new { name = "/k8s", accessId = K8sAccessId, type = "k8s", k8s = new { configs = new[] { new { name = K8sConfig, tokens = new[] { K8sToken } } } } },
                new { name = "/cert", accessId = CertAccessId, type = "cert", cert = new { caCertificatePem = _ca.ExportCertificatePem() } },
                new
                {
                    name = "/aws", accessId = AwsAccessId, type = "aws_iam",
                    awsIam = new { credentials = new[] { new { accessKeyId = AwsKeyId, secretAccessKey = AwsSecret, arn = "arn:aws:iam::123456789012:role/ci" } } },
                },
            },
            roles = new object[]
            {
                new { name = "readers", authMethods = new[] { "/k8s", "/cert", "/aws" }, rules = new[] { new { path = "/creds/*", capabilities = new[] { "read" } } } },
            },
            items = new object[] { new { name = Path, type = "static", value = Value } },
        };
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(seed) });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose()
    {
        _ca.Dispose();
        _client.Dispose();
        _caKey.Dispose();
        _clientKey.Dispose();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task K8s_ConfigNameAndTokenFile_AreEnoughToRead()
    {
        string tokenFile = Write("token", K8sToken);

        var result = await RunAsync(["get", Path, "--access-id", K8sAccessId, "--k8s-auth-config-name", K8sConfig, "--k8s-token-file", tokenFile]);

        Assert.Equal(Value + "\n", result.Out);
    }

    [Fact]
    public async Task Certificate_FilesFromTheEnvironment_AreEnoughToRead()
    {
        var environment = Environment(CertAccessId);
        environment["AKEYLESS_CERT_FILE"] = Write("client.pem", _client.ExportCertificatePem());
        environment["AKEYLESS_KEY_FILE"] = Write("client.key", _clientKey.ExportPkcs8PrivateKeyPem());

        var result = await CliRun.RunAsync(environment, ["get", Path]);

        Assert.Equal(Value + "\n", result.Out);
    }

    [Fact]
    public async Task Certificate_BinaryDerFiles_AreReadAsDer()
    {
        string certificate = System.IO.Path.Combine(_files.FullName, "client.der");
        string key = System.IO.Path.Combine(_files.FullName, "client-key.der");
        File.WriteAllBytes(certificate, _client.RawData);
        File.WriteAllBytes(key, _clientKey.ExportRSAPrivateKey());

        var result = await RunAsync(["get", Path, "--access-id", CertAccessId, "--cert-file", certificate, "--key-file", key]);

        Assert.Equal(Value + "\n", result.Out);
    }

    [Fact]
    public async Task Certificate_MissingKeyFile_IsAUsageErrorNamingTheOption()
    {
        string missing = System.IO.Path.Combine(_files.FullName, "absent.key");

        var result = await RunAsync(["get", Path, "--access-id", CertAccessId, "--cert-file", Write("c.pem", _client.ExportCertificatePem()), "--key-file", missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--key-file", result.Error, StringComparison.Ordinal);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task AwsIam_WorksFromTheTerminal_WithTheAwsKeysOfTheEnvironment()
    {
        var saved = new Dictionary<string, string?>();
        foreach (var (name, value) in new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = AwsKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = AwsSecret,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Write("aws-credentials", ""),
            ["AWS_CONFIG_FILE"] = Write("aws-config", ""),
            ["AWS_REGION"] = "us-east-1",
        })
        {
            saved[name] = System.Environment.GetEnvironmentVariable(name);
            System.Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var result = await RunAsync(["get", Path, "--access-type", "aws_iam", "--access-id", AwsAccessId]);

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal(Value + "\n", result.Out);
            Assert.DoesNotContain(AwsSecret, result.Error, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                System.Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    private Task<CliResult> RunAsync(string[] args) => CliRun.RunAsync(Environment(accessId: null), args);

    private Dictionary<string, string?> Environment(string? accessId) => new()
    {
        ["AKEYLESS_API_URL"] = _emulator.BaseUrl.ToString(),
        ["AKEYLESS_ACCESS_ID"] = accessId,
    };

    private string Write(string name, string content)
    {
        string path = System.IO.Path.Combine(_files.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}

/// <summary>Tests that change the process environment run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
