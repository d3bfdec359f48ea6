using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Output;

/// <summary>
/// Tables and errors show names, descriptions and values from Akeyless, which whoever may write items chooses: a terminal
/// control sequence among them (set the window title, clear the screen) is shown escaped, never sent to the terminal.
/// </summary>
public sealed class TableControlCharacterTests : IAsyncLifetime
{
    private const string Title = "\u001b]0;pwned\u0007";
    private const string Clear = "\u001b[2J";
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedJson = JsonSerializer.Serialize(new
        {
            items = new object[]
            {
                new { name = $"/t/title{Title}", type = "static", value = "v" },
                new { name = "/t/plain", type = "static", value = $"value{Clear}", description = $"about{Title}" },
                new { name = $"/clash/a{Title}", type = "static", value = "v1" },
                new { name = "/clash/a__0_pwned_", type = "static", value = "v2" },
            },
        }),
    });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Dictionary<string, string?> Environment() => new()
    {
        ["AKEYLESS_API_URL"] = _emulator.BaseUrl.ToString(),
        ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
        ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
    };

    [Fact]
    public async Task Error_NamingPathsFromAkeyless_ShowsTheirControlCharactersEscaped()
    {
        // Both names become the variable A__0_PWNED_: the error names both paths, one of them holding a title sequence.
        var result = await CliRun.RunAsync(Environment(), ["env", "--path", "/clash"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/clash/a__0_pwned_", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Error, static c => char.IsControl(c) && c != '\n');
        Assert.Contains(@"/clash/a\x1B]0;pwned\x07", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list", "/t", "-o", "table")]
    [InlineData("describe", "/t/plain", "-o", "table")]
    [InlineData("get-many", "/t/plain", "-o", "table")]
    public async Task Table_ControlCharactersFromAkeyless_AreShownEscaped(params string[] args)
    {
        var result = await CliRun.RunAsync(Environment(), args);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Out, static c => char.IsControl(c) && c != '\n');
        Assert.Contains(@"\x1B", result.Out, StringComparison.Ordinal);
    }
}
