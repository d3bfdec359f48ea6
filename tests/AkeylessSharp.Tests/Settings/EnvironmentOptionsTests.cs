using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.Settings;

[Collection(ProcessEnvironment.Collection)]
public sealed class EnvironmentOptionsTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FromEnvironment_ReferenceVariables_BuildAWorkingClient()
    {
        var options = AkeylessClientOptions.FromEnvironment(Lookup(new()
        {
            ["AKEYLESS_API_URL"] = _harness.Emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = _harness.Emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = _harness.Emulator.AccessKey,
        }));
        using var client = new AkeylessClient(options, timeProvider: _harness.Time);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public void FromEnvironment_VariablesOverrideTheConnectionString()
    {
        var options = AkeylessClientOptions.FromEnvironment(Lookup(new()
        {
            ["AKEYLESS_CONNECTION_STRING"] = "akeyless://p-fromcs1:key-cs@gw.example:8000/api/v2?profile=cs",
            ["AKEYLESS_ACCESS_ID"] = "p-fromenv1",
            ["AKEYLESS_PROFILE"] = "  ",
        }));

        Assert.Equal("https://gw.example:8000/api/v2", options.ApiUrl);
        Assert.Equal("p-fromenv1", options.AccessId);
        Assert.Equal("key-cs", options.AccessKey);
        Assert.Equal("cs", options.Profile);
    }

    [Fact]
    public void FromEnvironment_OnlyAUidToken_ChoosesUniversalIdentity()
    {
        var options = AkeylessClientOptions.FromEnvironment(Lookup(new() { ["AKEYLESS_UID_TOKEN"] = "u-abc" }));

        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal("u-abc", options.UidToken);
    }

    [Fact]
    public void FromEnvironment_AnotherAkeylessAccessType_IsQuotedAsNotSupported()
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromEnvironment(Lookup(new() { ["AKEYLESS_ACCESS_TYPE"] = " OCI " })));

        Assert.Contains("AKEYLESS_ACCESS_TYPE 'OCI' is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_UnknownAccessType_NamesTheVariable()
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromEnvironment(Lookup(new() { ["AKEYLESS_ACCESS_TYPE"] = "telepathy" })));

        Assert.Contains("AKEYLESS_ACCESS_TYPE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_AccessKeySetAsTheAccessType_ErrorDoesNotQuoteIt()
    {
        // AKEYLESS_ACCESS_TYPE and AKEYLESS_ACCESS_KEY differ by one word: the value may be the key, set under the wrong name.
        const string accessKey = "Zm9vYmFyYmF6cXV4LWFjY2Vzcy1rZXk=";

        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromEnvironment(Lookup(new() { ["AKEYLESS_ACCESS_TYPE"] = accessKey })));

        Assert.Contains("AKEYLESS_ACCESS_TYPE", ex.Message, StringComparison.Ordinal);
        Assert.Contains("api_key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(accessKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FromEnvironment_CertificateAndKeyFiles_AsPemOrBinaryDer_AuthenticateAsCertificate(bool der)
    {
        var folder = Directory.CreateTempSubdirectory("akeyless-cert-").FullName;
        try
        {
            var certificate = Path.Combine(folder, "client.crt");
            var key = Path.Combine(folder, "client.key");
            WriteCredential(certificate, _harness.Credentials.ClientCertificatePem, der);
            WriteCredential(key, _harness.Credentials.ClientKeyPem, der);
            var options = AkeylessClientOptions.FromEnvironment(Lookup(new()
            {
                ["AKEYLESS_API_URL"] = _harness.Emulator.BaseUrl.ToString(),
                ["AKEYLESS_ACCESS_ID"] = TestCredentials.CertAccessId,
                ["AKEYLESS_CERT_FILE"] = certificate,
                ["AKEYLESS_KEY_FILE"] = key,
            }));
            using var client = new AkeylessClient(options, timeProvider: _harness.Time);

            Assert.Equal(AkeylessAccessType.Certificate, options.AccessType);
            Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static void WriteCredential(string path, string pem, bool der)
        {
            if (der)
            {
                File.WriteAllBytes(path, Convert.FromBase64String(pem[System.Security.Cryptography.PemEncoding.Find(pem).Base64Data]));
            }
            else
            {
                File.WriteAllText(path, pem);
            }
        }
    }

    [Fact]
    public void FromEnvironment_UnreadableCertFile_NamesTheVariableNotTheContent()
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromEnvironment(Lookup(new() { ["AKEYLESS_CERT_FILE"] = "/nonexistent/cert.pem" })));

        Assert.Contains("AKEYLESS_CERT_FILE", ex.Message, StringComparison.Ordinal);
        Assert.Equal("AKEYLESS_CERT_FILE", ex.Field);
    }

    [Fact]
    public async Task AddAkeyless_NoArguments_ReadsTheProcessEnvironment()
    {
        using var environment = new ProcessEnvironment(new()
        {
            ["AKEYLESS_API_URL"] = _harness.Emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = _harness.Emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = _harness.Emulator.AccessKey,
        });
        var services = new ServiceCollection();
        services.AddAkeyless();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IAkeylessClient>();

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    private static Func<string, string?> Lookup(Dictionary<string, string> variables) => name => variables.GetValueOrDefault(name);
}
