using System.Diagnostics;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Completion;

/// <summary>
/// Item names come from whoever may create items: the shell scripts of <c>completion</c> offer them as text and never
/// run what they hold. Each test completes a folder holding names with a command substitution, a backtick command, a
/// variable, a space and separators in a real shell, and checks that no command ran and every name is offered as it is;
/// bash and PowerShell insert what they are handed as typed, so there each offer must read back as the name, one word.
/// </summary>
public sealed class HostilePathCompletionTests : IAsyncLifetime
{
    private static readonly string[] s_names =
    [
        "/hostile/$(touch canary1)", "/hostile/`touch canary2`", "/hostile/$HOME", "/hostile/two words", "/hostile/it's;a|b&c",
        "/hostile/$(New-Item canary3) @x", "/hostile/\u2019curly\u2019",
    ];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("akeyless-sharp-completion-");
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedJson = JsonSerializer.Serialize(new { items = s_names.Select(static n => new { name = n, type = "static", value = "v" }) }),
    });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task BashScript_ItemNamesWithShellSyntax_AreOfferedAsTextAndRunNothing()
    {
        var script = """
            source <(akeyless-sharp completion bash) || exit 90
            COMP_LINE="akeyless-sharp get /hostile/"
            COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(akeyless-sharp get /hostile/)
            COMP_CWORD=2
            _akeyless_sharp_complete
            for offer in "${COMPREPLY[@]}"; do eval "printf '%s\n' $offer"; done
            """;

        await AssertOffersNamesAndRunsNothingAsync("bash", ["-c", script]);
    }

    [Fact]
    public async Task PowerShellScript_ItemNamesWithSpacesOrSyntax_AreInsertedAsOneWordHoldingTheName()
    {
        // TabExpansion2 is what PowerShell runs on Tab; each completion text is parsed as the argument it would become.
        var script = """
            $ErrorActionPreference = 'Stop'
            akeyless-sharp completion powershell | Out-String | Invoke-Expression
            $line = 'akeyless-sharp get /hostile/'
            foreach ($offer in (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches) {
                $ast = [System.Management.Automation.Language.Parser]::ParseInput('x ' + $offer.CompletionText, [ref]$null, [ref]$null)
                $elements = $ast.EndBlock.Statements[0].PipelineElements[0].CommandElements
                if ($elements.Count -ne 2 -or $elements[1] -isnot [System.Management.Automation.Language.StringConstantExpressionAst]) { exit 91 }
                $elements[1].Value
            }
            """;

        await AssertOffersNamesAndRunsNothingAsync("pwsh", ["-NoProfile", "-NonInteractive", "-Command", script]);
    }

    [Fact]
    public async Task ZshScript_ItemNamesWithShellSyntax_AreOfferedAsTextAndRunNothing()
    {
        var script = """
            compdef() { :; }
            compadd() { shift; print -l -- "$@"; }
            source <(akeyless-sharp completion zsh) || exit 90
            words=(akeyless-sharp get /hostile/)
            CURRENT=3
            _akeyless_sharp
            """;

        await AssertOffersNamesAndRunsNothingAsync("zsh", ["-c", script]);
    }

    [Fact]
    public async Task FishScript_ItemNamesWithShellSyntax_RunNothing()
    {
        var script = """
            akeyless-sharp completion fish | source; or exit 90
            complete --do-complete="akeyless-sharp get /hostile/"
            """;

        await AssertOffersNamesAndRunsNothingAsync("fish", ["-c", script], exactNames: false);
    }

    private async Task AssertOffersNamesAndRunsNothingAsync(string shell, string[] args, bool exactNames = true)
    {
        var tool = Path.Combine(_work.FullName, "akeyless-sharp");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\nexec {string.Join(' ', ProcessRun.ToolCommand.Select(static w => $"'{w}'"))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(shell) { UseShellExecute = false, WorkingDirectory = _work.FullName };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = _work.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        ProcessRun.WithEnvironment(start, new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = _emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
        });

        var result = await ProcessRun.RunAsync(start);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_work.GetFiles("canary*"));
        var offered = result.OutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (exactNames)
        {
            Assert.Equal(s_names.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.Equal(s_names.Length, offered.Length);
        }
    }
}
