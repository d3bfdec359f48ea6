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

        await AssertCompletesAsync("bash", ["-c", script, "bash", line], expected);
    }

    [Theory]
    [InlineData("akeyless-sharp ge", "get\nget-many\n")]
    [InlineData("akeyless-sharp list -o ", "json\nnames\ntable\n")]
    [InlineData("akeyless-sharp exec --ma", "--map\n")]
    public async Task ZshScript_InRealZsh_CompletesThroughTheBuiltTool(string line, string expected)
    {
        // compinit needs a terminal; stand-ins for compdef and compadd print what the function offers.
        var script = """
            compdef() { :; }
            compadd() { shift; print -l -- "$@"; }
            source <(akeyless-sharp completion zsh) || exit 90
            words=(${(z)1})
            [[ "$1" == *" " ]] && words+=("")
            CURRENT=${#words}
            _akeyless_sharp
            """;

        await AssertCompletesAsync("zsh", ["-c", script, "zsh", line], expected);
    }

    [Theory]
    [InlineData("akeyless-sharp ge", "get\nget-many\n")]
    [InlineData("akeyless-sharp list -o ", "json\nnames\ntable\n")]
    [InlineData("akeyless-sharp exec --ma", "--map\n")]
    public async Task FishScript_InRealFish_CompletesThroughTheBuiltTool(string line, string expected)
    {
        var script = """
            akeyless-sharp completion fish | source; or exit 90
            complete --do-complete="$argv[1]"
            """;

        await AssertCompletesAsync("fish", ["-c", script, line], expected);
    }

    [Theory]
    [InlineData("akeyless-sharp ge", "get\nget-many\n")]
    [InlineData("akeyless-sharp list -o ", "json\nnames\ntable\n")]
    [InlineData("akeyless-sharp exec --ma", "--map\n")]
    public async Task PowerShellScript_InRealPwsh_CompletesThroughTheBuiltTool(string line, string expected)
    {
        // TabExpansion2 is what PowerShell runs on Tab; it calls the registered native completer.
        var script = $$"""
            $ErrorActionPreference = 'Stop'
            akeyless-sharp completion powershell | Out-String | Invoke-Expression
            $line = '{{line}}'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
            """;

        await AssertCompletesAsync("pwsh", ["-NoProfile", "-NonInteractive", "-Command", script], expected);
    }

    /// <summary>Runs a shell with the built tool on PATH as <c>akeyless-sharp</c> (the name the scripts call).</summary>
    private async Task AssertCompletesAsync(string shell, string[] args, string expected)
    {
        var tool = Path.Combine(_bin.FullName, "akeyless-sharp");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\nexec {string.Join(' ', ProcessRun.ToolCommand.Select(static w => $"'{w}'"))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new System.Diagnostics.ProcessStartInfo(shell) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = _bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        ProcessResult result;
        try
        {
            // The script was just written: a process another test forks meanwhile holds it open for writing until its own
            // exec, and running the script then fails with ETXTBSY (the shell then sources nothing). Such a run is repeated.
            result = await ProcessRun.RunAsync(start);
            for (var attempt = 1; attempt < 3 && result.Error.Contains("Text file busy", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100 * attempt);
                result = await ProcessRun.RunAsync(start);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail(shell == "pwsh"
                ? "pwsh is not installed; the completion tests run it (dotnet tool install --global PowerShell; .ci/run installs it)."
                : $"{shell} is not installed; the completion tests run it (Debian: apt-get install {shell}; .ci/run installs it).");
            throw;
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(expected == result.OutText, $"expected {expected.ReplaceLineEndings("\\n")}, got {result}");
    }
}
