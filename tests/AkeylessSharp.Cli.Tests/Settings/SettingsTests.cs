using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Settings;

public sealed class SettingsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Options_OnCommandLine_Work()
    {
        var environment = new Dictionary<string, string?> { ["AKEYLESS_ACCESS_KEY"] = fixture.Emulator.AccessKey };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--api-url", fixture.Emulator.BaseUrl.ToString(), "--access-id", fixture.Emulator.AccessId]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task AccessKeyFlag_Works_AndWarns()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(),
            ["--api-url", fixture.Emulator.BaseUrl.ToString(), "--access-id", fixture.Emulator.AccessId, "--access-key", fixture.Emulator.AccessKey, "get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
        Assert.Contains("warning: --access-key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Emulator.AccessKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionStringVariable_Works()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_CONNECTION_STRING"] = $"ApiUrl={fixture.Emulator.BaseUrl};AccessId={fixture.Emulator.AccessId};AccessKey='{fixture.Emulator.AccessKey}'",
        };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task ConnectionStringOption_IsOverriddenByAccessIdVariable()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_ACCESS_ID"] = EmulatorFixture.ReaderAccessId,
            ["AKEYLESS_ACCESS_KEY"] = EmulatorFixture.ReaderAccessKey,
        };
        var connectionString = $"ApiUrl={fixture.Emulator.BaseUrl};AccessId={fixture.Emulator.AccessId};AccessKey='{fixture.Emulator.AccessKey}'";

        // The reader may not read /rot: the variables, not the connection string, were used.
        var result = await CliRun.RunAsync(environment, ["--connection-string", connectionString, "get", EmulatorFixture.RotatedPath]);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task ConnectionStringOfTuningOnly_IsCompletedByTheVariables()
    {
        var environment = fixture.Environment();

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath, "--connection-string", "MaxRetries=0;AttemptTimeout=20;TotalRequestTimeout=60"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task UidToken_WithoutAccessType_AuthenticatesAsUniversalIdentity()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = fixture.Emulator.BaseUrl.ToString(),
            ["AKEYLESS_UID_TOKEN"] = EmulatorFixture.UidToken,
        };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Fact]
    public async Task WrongAccessKey_ExitsThreeWithoutKey()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_KEY"] = "bm90LXRoZS1yaWdodC1rZXk=";

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(3, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("(401)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("bm90LXRoZS1yaWdodC1rZXk=", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderOutsideItsRole_ExitsThree()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_ID"] = EmulatorFixture.ReaderAccessId;
        environment["AKEYLESS_ACCESS_KEY"] = EmulatorFixture.ReaderAccessKey;

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.RotatedPath, "--type", "rotated"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("(403)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingAccessId_ExitsTwoNamingTheSetting()
    {
        var environment = new Dictionary<string, string?> { ["AKEYLESS_API_URL"] = fixture.Emulator.BaseUrl.ToString(), ["AKEYLESS_ACCESS_KEY"] = "a2V5" };

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AKEYLESS_ACCESS_ID", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCredentialsAtAll_ExitsTwoNamingTheVariablesAndTheEmulator()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("AKEYLESS_ACCESS_ID and AKEYLESS_ACCESS_KEY", line, StringComparison.Ordinal);
        Assert.Contains("--emulator", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccessType_ExitsTwo()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_TYPE"] = "carrier-pigeon";

        var result = await CliRun.RunAsync(environment, ["get", EmulatorFixture.StaticPath]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AKEYLESS_ACCESS_TYPE", result.Error, StringComparison.Ordinal);
        Assert.Contains("is not an Akeyless access type", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConnectionString_ExitsTwo()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["--connection-string", "Banana=1", "get", "/x"]);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Emulator_WithSeed_ServesSeededItems()
    {
        using var seed = await TempFile.WithTextAsync("""{"items":[{"name":"/try/it","type":"static","value":"hello"}]}""");

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "/try/it", "--emulator", "--seed", seed.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\n", result.Out);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Emulator_WithoutSeed_NotFoundSaysTheEmulatorStartsEmpty()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "/try/it", "--emulator"]);

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("The --emulator starts empty: give it items with --seed FILE.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_WithAnAccountsAccessIdInTheEnvironment_401SaysTheIdIsUsedInsteadOfTheDevelopmentCredential()
    {
        using var seed = await TempFile.WithTextAsync("""{"items":[{"name":"/try/it","type":"static","value":"hello"}]}""");
        var environment = new Dictionary<string, string?> { ["AKEYLESS_ACCESS_ID"] = "p-realaccount01", ["AKEYLESS_ACCESS_KEY"] = "cmVhbC1rZXk=" };

        var result = await CliRun.RunAsync(environment, ["get", "/try/it", "--emulator", "--seed", seed.Path]);

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Under --emulator, an access id that is set", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cmVhbC1rZXk=", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_WithoutEmulator_ExitsTwo()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--seed", "seed.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--emulator", result.Error, StringComparison.Ordinal);
    }
}
