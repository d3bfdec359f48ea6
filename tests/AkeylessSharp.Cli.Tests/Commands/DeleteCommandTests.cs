using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class DeleteCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Delete_Yes_RemovesItem()
    {
        var path = await CreateAsync();

        var result = await fixture.RunAsync("delete", path, "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, (await fixture.RunAsync("get", path)).ExitCode);
    }

    [Fact]
    public async Task Delete_WithoutYesInScript_RefusesWithExitTwo()
    {
        var path = await CreateAsync();

        var result = await fixture.RunAsync("delete", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await fixture.RunAsync("get", path)).ExitCode);
    }

    [Fact]
    public async Task Delete_OnTerminalAnsweredNo_KeepsItem()
    {
        var path = await CreateAsync();

        var result = await CliRun.RunAsync(fixture.Environment(), ["delete", path], "n\n", terminal: true);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[y/N]", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await fixture.RunAsync("get", path)).ExitCode);
    }

    [Fact]
    public async Task Delete_OnTerminalAnsweredYes_RemovesItem()
    {
        var path = await CreateAsync();

        var result = await CliRun.RunAsync(fixture.Environment(), ["delete", path], "y\n", terminal: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Deleted {path}.\n", result.Out);
        Assert.Equal(4, (await fixture.RunAsync("get", path)).ExitCode);
    }

    [Fact]
    public async Task Delete_Missing_ExitsFour()
    {
        var result = await fixture.RunAsync("delete", EmulatorFixture.UniquePath(), "--yes");

        Assert.Equal(4, result.ExitCode);
    }

    private async Task<string> CreateAsync()
    {
        var path = EmulatorFixture.UniquePath("/del");
        Assert.Equal(0, (await fixture.RunWithStdinAsync("v", "create", path, "--stdin")).ExitCode);
        return path;
    }
}
