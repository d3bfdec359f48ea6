using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Completion;

/// <summary>With credentials configured, <c>[suggest]</c> completes secret paths by listing the typed folder.</summary>
public sealed class SecretPathCompletionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Suggest_PathWithCredentials_ListsSubfoldersAndSecrets()
    {
        var result = await fixture.RunAsync("[suggest]", "akeyless-sharp get /app/");

        Assert.Equal(["/app/config", "/app/db/", "/app/other"], Paths(result));
    }

    [Fact]
    public async Task Suggest_PartialName_KeepsMatchingOnes()
    {
        var result = await fixture.RunAsync("[suggest]", "akeyless-sharp get-many /app/db/ /app/o");

        Assert.Equal(["/app/other"], Paths(result));
    }

    [Fact]
    public async Task Suggest_PathWithoutCredentials_CompletesNoPath()
    {
        var environment = new Dictionary<string, string?> { ["AKEYLESS_API_URL"] = fixture.Emulator.BaseUrl.ToString() };

        var result = await CliRun.RunAsync(environment, ["[suggest]", "akeyless-sharp get /app/"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Paths(result));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Suggest_PathWithRejectedCredentials_CompletesNothingAndPrintsNoError()
    {
        var environment = fixture.Environment();
        environment["AKEYLESS_ACCESS_KEY"] = "d3Jvbmcta2V5";

        var result = await CliRun.RunAsync(environment, ["[suggest]", "akeyless-sharp get /app/"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Paths(result));
        Assert.Empty(result.Error);
    }

    private static string[] Paths(CliResult result) =>
        [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(static l => l.StartsWith("/app", StringComparison.Ordinal))];
}
