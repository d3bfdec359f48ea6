using System.Net.Http.Json;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Settings;

/// <summary><c>--profile</c> reads the official Akeyless CLI's <c>~/.akeyless/profiles/NAME.toml</c>, as <c>akeyless configure</c> writes it.</summary>
public sealed class ProfileTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("akeyless-sharp-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task ProfileOption_SuppliesAccessIdKeyAndType()
    {
        WriteProfile("work", EmulatorFixture.ReaderAccessId, EmulatorFixture.ReaderAccessKey);

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "work"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task ProfileVariable_SuppliesTheSettings()
    {
        WriteProfile("work", EmulatorFixture.ReaderAccessId, EmulatorFixture.ReaderAccessKey);
        var environment = Environment();
        environment["AKEYLESS_PROFILE"] = "work";

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task DefaultProfile_IsUsedWhenNothingElseSaysHowToConnect()
    {
        WriteProfile("default", EmulatorFixture.ReaderAccessId, EmulatorFixture.ReaderAccessKey);

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Theory]
    [InlineData("MaxRetries=0;AttemptTimeout=20")]
    [InlineData("akeyless+http://127.0.0.1:1?max_retries=1")]
    public async Task DefaultProfile_IsUsed_WhenTheConnectionStringOnlyTunes(string connectionString)
    {
        WriteProfile("default", EmulatorFixture.ReaderAccessId, EmulatorFixture.ReaderAccessKey);
        var environment = Environment();
        environment["AKEYLESS_CONNECTION_STRING"] = connectionString;

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task UidTokenVariable_SaysHowToAuthenticate_UnderATuningConnectionString()
    {
        var environment = Environment();
        environment["AKEYLESS_CONNECTION_STRING"] = "MaxRetries=0";
        environment["AKEYLESS_UID_TOKEN"] = "u-not-a-real-token";

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.DoesNotContain("AccessKey", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: Akeyless rejected the credentials", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultProfile_IsIgnoredWhenCredentialsAreSet()
    {
        WriteProfile("default", "p-wrongwrong0001", "d3Jvbmc=");
        var environment = fixture.Environment();
        environment["HOME"] = _home.FullName;

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task Variable_WinsOverTheProfile()
    {
        WriteProfile("work", EmulatorFixture.ReaderAccessId, "d3Jvbmcta2V5");
        var environment = Environment();
        environment["AKEYLESS_ACCESS_KEY"] = EmulatorFixture.ReaderAccessKey;

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--profile", "work"]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task ProfileKey_IsReallyUsed_WrongKeyIsRejected()
    {
        WriteProfile("work", EmulatorFixture.ReaderAccessId, "d3Jvbmcta2V5");

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "work"]);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task MissingNamedProfile_IsUsageErrorNamingTheFile()
    {
        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "nope"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine(_home.FullName, ".akeyless", "profiles", "nope.toml"), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedProfile_IsUsageErrorNamingFileAndLineButNoValue()
    {
        WriteRaw("bad", "[\"bad\"]\n  access_id = 'p-abc'\n  access_key = 'sup3r-secret\n");

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "bad"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.toml, line 3", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sup3r-secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedAccessType_IsUsageError()
    {
        WriteRaw("ldap", "[\"ldap\"]\n  access_id = 'p-abc'\n  access_type = 'ldap'\n");

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "ldap"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'ldap'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessTypeThatIsNoAkeylessType_IsUsageErrorThatDoesNotQuoteIt()
    {
        // access_type and access_key differ by one word: the value may be the key, written under the wrong name.
        WriteRaw("typo", "[\"typo\"]\n  access_id = 'p-abc'\n  access_type = 'c3VwZXItc2VjcmV0LWtleTI'\n");

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--profile", "typo"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("typo.toml", result.Error, StringComparison.Ordinal);
        Assert.Contains("access_type", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("c3VwZXItc2VjcmV0LWtleTI", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saml_ReadsTheStoredCredentialsUnderTheHomeTheToolSees()
    {
        var (token, expiry) = await IssueTokenAsync();
        var folder = Directory.CreateDirectory(Path.Combine(_home.FullName, ".akeyless", ".tmp_creds"));
        File.WriteAllText(Path.Combine(folder.FullName, "default-" + EmulatorFixture.ReaderAccessId), JsonSerializer.Serialize(new { token, expiry }));

        var result = await CliRun.RunAsync(Environment(), ["get", EmulatorFixture.StaticPath, "--access-id", EmulatorFixture.ReaderAccessId, "--access-type", "saml"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    private async Task<(string Token, long Expiry)> IssueTokenAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(fixture.Emulator.BaseUrl, "auth"), new Dictionary<string, string>
        {
            ["access-id"] = EmulatorFixture.ReaderAccessId,
            ["access-key"] = EmulatorFixture.ReaderAccessKey,
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("token").GetString()!, json.RootElement.GetProperty("creds").GetProperty("expiry").GetInt64());
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["HOME"] = _home.FullName,
        ["AKEYLESS_API_URL"] = fixture.Emulator.BaseUrl.ToString(),
    };

    // The layout `akeyless configure --profile NAME` writes.
    private void WriteProfile(string name, string accessId, string accessKey) => WriteRaw(name, $"""
        ["{name}"]
          default_location_prefix = ''
          gateway_url = ''
          access_id = '{accessId}'
          access_type = 'access_key'
          legacy_signing_alg = 'false'
          access_key = '{accessKey}'
        """);

    private void WriteRaw(string name, string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_home.FullName, ".akeyless", "profiles"));
        File.WriteAllText(Path.Combine(folder.FullName, name + ".toml"), text);
    }
}
