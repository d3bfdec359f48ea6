using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Completion;

public sealed class CompletionCommandTests : IDisposable
{
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("akeyless-sharp-completion-");

    public void Dispose() => _bin.Delete(recursive: true);

    [Theory]
    [InlineData("bash", "complete -o default -F _akeyless_sharp_complete akeyless-sharp")]
    [InlineData("zsh", "compdef _akeyless_sharp akeyless-sharp")]
    [InlineData("fish", "complete -c akeyless-sharp -f -a '(__akeyless_sharp_complete)'")]
    [InlineData("powershell", "Register-ArgumentCompleter -Native -CommandName 'akeyless-sharp'")]
    public async Task Completion_EachShell_PrintsScriptCallingSuggest(string shell, string registration)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["completion", shell]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(registration, result.Out, StringComparison.Ordinal);
        Assert.Contains("akeyless-sharp \"[suggest:", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Completion_UnknownShell_IsUsageError()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["completion", "tcsh"]);

        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("akeyless-sharp ge", "get\nget-many\n")]
    [InlineData("akeyless-sharp exec --ma", "--map\n")]
    [InlineData("akeyless-sharp list -o n", "names\n")]
    [InlineData("akeyless-sharp completion f", "fish\n")]
    public async Task BashScript_InRealBash_CompletesThroughTheBuiltTool(string line, string expected)
    {
        // The script calls `akeyless-sharp`; put the built tool on PATH under that name.
        var tool = Path.Combine(_bin.FullName, "akeyless-sharp");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\nexec {string.Join(' ', ProcessRun.ToolCommand.Select(static w => $"'{w}'"))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var script = """
            source <(akeyless-sharp completion bash) || exit 90
            COMP_LINE="$1"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _akeyless_sharp_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var start = ProcessRun.WithEnvironment(ProcessRun.Bash(script, line), new Dictionary<string, string?>
        {
            ["PATH"] = _bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        });

        var result = await ProcessRun.RunAsync(start);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.OutText);
    }
}
