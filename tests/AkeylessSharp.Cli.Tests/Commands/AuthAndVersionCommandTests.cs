using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class AuthAndVersionCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task AuthTest_ValidCredentials_ExitsZero()
    {
        var result = await fixture.RunAsync("auth", "test");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Authenticated", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthTest_WrongKey_ExitsThreeWithoutKey()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_KEY"] = "d3Jvbmcta2V5LXNlY3JldA==";

        var result = await CliRun.RunAsync(environment, ["auth", "test"]);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("d3Jvbmcta2V5LXNlY3JldA==", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_WithoutSubcommand_ExitsTwo()
    {
        var result = await fixture.RunAsync("auth");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Version_PrintsToolLibraryAndRuntime()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["version"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("akeyless-sharp ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("AkeylessSharp ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(".NET", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_ToolLine_IsWhatDashDashVersionPrints()
    {
        // The built tool: in-process, --version would print the test host's version.
        var command = await ProcessRun.RunAsync(ProcessRun.Tool(new Dictionary<string, string?>(), "version"));
        var option = await ProcessRun.RunAsync(ProcessRun.Tool(new Dictionary<string, string?>(), "--version"));

        Assert.Equal(0, option.ExitCode);
        Assert.Equal("akeyless-sharp " + option.OutText.Trim(), command.OutText.Split('\n')[0]);
    }
}
