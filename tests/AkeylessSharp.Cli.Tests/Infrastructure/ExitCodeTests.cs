using AkeylessSharp.Emulator;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task UnreachableApi_ExitsFive()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc123;AccessKey=a2V5;MaxRetries=0",
        };

        var result = await CliRun.RunAsync(environment, ["get", "/x"]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("Check --api-url (AKEYLESS_API_URL),", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentServer_PerRequestTimeout_NamesTheLimitsThatEndedIt_NotOnlyTimeout()
    {
        // A listener that never answers: the kernel completes the connection, nothing replies.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl=http://127.0.0.1:{port}/;AccessId=p-abc123;AccessKey=a2V5;MaxRetries=0;AttemptTimeout=0.5;TotalRequestTimeout=1",
        };

        var result = await CliRun.RunAsync(environment, ["get", "/x", "--type", "static"]);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("raise --timeout (the whole call), or AttemptTimeout / TotalRequestTimeout", line, StringComparison.Ordinal);
        Assert.Contains("--connection-string", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUnavailable_ExitsFive()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });
        emulator.Faults.FailNext("get-secret-value", 10, 503);
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl={emulator.BaseUrl};AccessId={emulator.AccessId};AccessKey='{emulator.AccessKey}';MaxRetries=0",
        };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--type", "static"]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("503", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AnswerCutShortAfterRetries_ExitsFive()
    {
        var cutShort = new AkeylessServiceUnavailableException("Akeyless's answer ended before its body was complete.", System.Net.HttpStatusCode.OK, "get-secret-value", "/x", null, new IOException("cut"));

        Assert.Equal(5, AkeylessSharp.Cli.Infrastructure.ErrorReporter.Describe(cutShort).Code);
    }

    [Fact]
    public void Describe_NotFoundWithoutServiceReason_SaysNoItemAtThePath()
    {
        var missing = new AkeylessNotFoundException("not found", "get-secret-value", "/x");

        Assert.Equal((4, "no item at /x (404). Check the path or your role's list rights."), AkeylessSharp.Cli.Infrastructure.ErrorReporter.Describe(missing));
    }

    [Fact]
    public void Describe_NotFoundReasonWithoutPath_AddsThePath()
    {
        var missing = new AkeylessNotFoundException("not found", "get-secret-value", "/x", "Item not found.");

        Assert.Equal("Item not found at /x (404). Check the path or your role's list rights.", AkeylessSharp.Cli.Infrastructure.ErrorReporter.Describe(missing).Message);
    }

    [Fact]
    public async Task AuthTest_ApiUrlNotTheApi_ExitsTwoNamingApiUrl()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl={emulator.BaseUrl}not-the-api/;AccessId={emulator.AccessId};AccessKey='{emulator.AccessKey}';MaxRetries=0",
        };

        var result = await CliRun.RunAsync(environment, ["auth", "test"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not answer as the Akeyless API", result.Error, StringComparison.Ordinal);
        Assert.Contains("--api-url", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("get")]
    [InlineData("get", "/x", "--no-such-option")]
    [InlineData("list", "-o", "yaml")]
    public async Task UsageErrors_ExitTwoWithHint(params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version", "get", "/x", "--version", "99999999999")]
    [InlineData("--version", "rotated", "/x", "--version", "two")]
    [InlineData("--timeout", "--timeout", "1e3", "get", "/x")]
    [InlineData("--port", "serve", "--port", "http")]
    public async Task NumberOptionNotAWholeNumber_NamesTheOptionNotADotNetType(string option, params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {option} '", result.Error, StringComparison.Ordinal);
        Assert.Contains("not a whole number", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("86401")]
    [InlineData("2147483647")]
    public async Task TimeoutOutOfRange_NamesTheFlagAndItsRange(string seconds)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["--timeout", seconds, "get", "/x"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --timeout must be between 1 and 86400 seconds (a day), not {seconds}.\n", result.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AccessKeyGivenAsTheAccessType_IsAUsageErrorThatDoesNotPrintIt(bool fromVariable)
    {
        // --access-type and --access-key (AKEYLESS_ACCESS_TYPE and AKEYLESS_ACCESS_KEY) differ by one word.
        const string accessKey = "Zm9vYmFyYmF6cXV4LWFjY2Vzcy1rZXk=";
        var environment = new Dictionary<string, string?> { ["AKEYLESS_ACCESS_TYPE"] = fromVariable ? accessKey : null };
        string[] flag = fromVariable ? [] : ["--access-type", accessKey];

        var result = await CliRun.RunAsync(environment, ["get", "/x", "--api-url", "http://127.0.0.1:1/", "--access-id", "p-abc123", .. flag]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an Akeyless access type", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(accessKey, result.Error + result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cert-file and --key-file", "--access-type", "certificate")]
    [InlineData("--k8s-auth-config-name or AKEYLESS_K8S_AUTH_CONFIG_NAME", "--access-type", "k8s")]
    [InlineData("the JWT itself in AKEYLESS_JWT", "--access-type", "jwt", "--jwt-env", "SHARP_TEST_UNSET_JWT")]
    public async Task MissingCredentialOfAnAccessType_NamesTheFlagOrVariableThatSetsIt(string fix, params string[] args)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "/x", "--api-url", "http://127.0.0.1:1/", "--access-id", "p-abc123", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(fix, Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamlWithoutTheAkeylessCli_SaysWhatACliUserCanDo_NotTheLibraryOption()
    {
        // A PATH without the official akeyless CLI.
        using var home = new TempDirectory("akeyless-sharp-saml-");

        var line = await RunSamlGetAsync(home.Path);

        Assert.Contains("akeyless auth --access-id p-abc123 --access-type saml --profile default", line, StringComparison.Ordinal);
        Assert.Contains("must be on PATH", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SamlLoginCommand", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamlLoginLeavingNoCredentials_SaysSoAndNamesTheFolderUnderHome_NotARejection()
    {
        // A stand-in akeyless CLI that "logs in" (exits 0) but writes nothing.
        using var home = new TempDirectory("akeyless-sharp-saml-");
        var akeyless = Path.Combine(home.Path, "akeyless");
        File.WriteAllText(akeyless, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(akeyless, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var line = await RunSamlGetAsync(home.Path);

        Assert.Contains("exited with code 0 and left no usable credentials in '" + Path.Combine(home.Path, ".akeyless", ".tmp_creds", "default-p-abc123") + "'", line, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent to Akeyless", line, StringComparison.Ordinal);
        Assert.Contains("akeyless auth --access-id p-abc123 --access-type saml --profile default", line, StringComparison.Ordinal);
        Assert.Contains("check HOME", line, StringComparison.Ordinal);
        Assert.DoesNotContain("rejected", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SamlCredentialsDirectory", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_ShowsHelpOnStandardErrorAndExitsTwo()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), []);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("akeyless-sharp [command] [options]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExitsZero()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--json-attribute", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_Failure_PrintsStackTraceButNoSecret()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorFixture.SeedJson() });
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = emulator.AccessKey,
        };

        var success = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--verbose"]);
        var failure = await CliRun.RunAsync(environment, ["get", "/missing", "--verbose"]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", success.Out);
        Assert.DoesNotContain(EmulatorFixture.StaticValue, success.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.AccessKey, success.Error, StringComparison.Ordinal);
        Assert.Equal(4, failure.ExitCode);
        Assert.Contains("AkeylessNotFoundException", failure.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", failure.Error, StringComparison.Ordinal);
    }

    // The built tool reading with saml under a private HOME that is also its whole PATH; its one error line (exit 2).
    private static async Task<string> RunSamlGetAsync(string home)
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = home, ["PATH"] = home };
        var result = await ProcessRun.RunAsync(ProcessRun.Tool(
            environment, "get", "/x", "--api-url", "http://127.0.0.1:1/", "--access-id", "p-abc123", "--access-type", "saml"));

        Assert.True(result.ExitCode == 2, result.ToString());
        return Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
