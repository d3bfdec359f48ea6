using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Completion;

/// <summary>
/// Interactive bash cuts the word being completed at COMP_WORDBREAKS (<c>:</c> and <c>=</c> among them) and replaces
/// only its last piece: a name holding them completes to itself, not to a repeated prefix or nothing. COMP_WORDS is
/// given here as interactive bash builds it (<c>get /a/db:pa</c> is <c>get</c>, <c>/a/db</c>, <c>:</c>, <c>pa</c>).
/// </summary>
public sealed class WordBreakCompletionTests : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("akeyless-sharp-completion-");
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedJson = JsonSerializer.Serialize(new { items = new[] { "/wb/db:password", "/wb/db:other", "/wb/k=v" }.Select(static n => new { name = n, type = "static", value = "v" }) }),
    });

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Theory]
    [InlineData("akeyless-sharp get /wb/db:pa", "akeyless-sharp|get|/wb/db|:|pa", "password")]
    [InlineData("akeyless-sharp get /wb/db:", "akeyless-sharp|get|/wb/db|:", ":other\n:password")]
    [InlineData("akeyless-sharp get /wb/k=", "akeyless-sharp|get|/wb/k|=", "=v")]
    [InlineData("akeyless-sharp get /wb/d", "akeyless-sharp|get|/wb/d", "/wb/db:other\n/wb/db:password")]
    [InlineData("akeyless-sharp list -o n", "akeyless-sharp|list|-o|n", "names")]
    public async Task BashScript_NameWithWordBreakCharacters_ReplacesTheLastPieceWithTheRestOfTheName(string line, string words, string expected)
    {
        var script = """
            source <(akeyless-sharp completion bash) || exit 90
            COMP_LINE="$1"
            COMP_POINT=${#COMP_LINE}
            IFS='|' read -ra COMP_WORDS <<< "$2"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _akeyless_sharp_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;

        var result = await RunAsync(script, line, words);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, string.Join('\n', result.OutText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));
    }

    private async Task<ProcessResult> RunAsync(string script, params string[] args)
    {
        var tool = Path.Combine(_work.FullName, "akeyless-sharp");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\nexec {string.Join(' ', ProcessRun.ToolCommand.Select(static w => $"'{w}'"))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = ProcessRun.Bash(script, args);
        start.WorkingDirectory = _work.FullName;
        start.Environment["PATH"] = _work.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        ProcessRun.WithEnvironment(start, new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = _emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
        });
        return await ProcessRun.RunAsync(start);
    }
}
