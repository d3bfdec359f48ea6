using System.Text;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Output;

/// <summary><c>eval "$(akeyless-sharp get-many … -o env)"</c> in a real bash gives back every value exactly, and runs nothing.</summary>
public sealed class EvalSafetyTests : IAsyncLifetime
{
    private static readonly string Canary = Path.Combine(Path.GetTempPath(), $"akeyless-sharp-eval-{Guid.NewGuid():N}");

    private static readonly string[] s_values =
    [
        "it's",
        "'\\''",
        "\"double\" and 'single'",
        "$HOME ${HOME} $(touch " + Canary + ")",
        "`touch " + Canary + "`",
        "back\\slash\\",
        "line1\nline2\n",
        "\n\n",
        "tab\tcr\r",
        "; touch " + Canary + " #",
        "!! !$ %s %n",
        "-n",
        "é ü 日本 🙂",
        "'",
        "",
        "x=y' z='w",
    ];

    public static TheoryData<int> Values
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < s_values.Length; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }

    private AkeylessEmulator? _emulator;

    public async Task InitializeAsync()
    {
        var items = s_values.Select(static (value, i) => new { name = $"/hostile/v{i}", type = "static", value }).ToArray();
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(new { items }) });
    }

    public async Task DisposeAsync()
    {
        await _emulator!.DisposeAsync();
        File.Delete(Canary);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public async Task GetManyEnv_EvalInBash_GivesBackTheValueByteForByte(int index)
    {
        var value = s_values[index];
        var script = """
            out=$("$@") || exit 90
            eval "$out" || exit 91
            printf %s "$SECRET"
            """;
        string[] tool = [.. ProcessRun.ToolCommand, "get-many", $"SECRET=/hostile/v{index}", "/hostile/v0", "-o", "env"];

        var shell = await ProcessRun.RunAsync(ProcessRun.WithEnvironment(ProcessRun.Bash(script, tool), Environment()));

        Assert.True(shell.ExitCode == 0, shell.ToString());
        Assert.Equal(string.Empty, shell.Error);
        Assert.Equal(Encoding.UTF8.GetBytes(value), shell.Out);
        Assert.False(File.Exists(Canary), "eval ran a command embedded in a value");
    }

    [Fact]
    public async Task EnvCommand_EvalInBash_GivesBackEveryValueByteForByte()
    {
        var names = Enumerable.Range(0, s_values.Length).Select(static i => $"V{i}").ToArray();
        string[] tool = [.. ProcessRun.ToolCommand, "env", .. names.SelectMany(static (name, i) => new[] { "--map", $"{name}=/hostile/v{i}" })];
        var script = $"""
            out=$("$@") || exit 90
            eval "$out" || exit 91
            printf '%s\0' {string.Join(' ', names.Select(static n => $"\"${n}\""))}
            """;

        var shell = await ProcessRun.RunAsync(ProcessRun.WithEnvironment(ProcessRun.Bash(script, tool), Environment()));

        Assert.True(shell.ExitCode == 0, shell.ToString());
        Assert.Equal(string.Empty, shell.Error);
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(s_values.Select(static v => v + "\0"))), shell.Out);
        Assert.False(File.Exists(Canary), "eval ran a command embedded in a value");
    }

    [Fact]
    public async Task EnvCommand_SourcedByPosixSh_GivesBackEveryValueByteForByte()
    {
        // sh is dash on Debian and Ubuntu: no bash extensions, so the quoting must be plain POSIX.
        var names = Enumerable.Range(0, s_values.Length).Select(static i => $"V{i}").ToArray();
        string[] tool = [.. ProcessRun.ToolCommand, "env", .. names.SelectMany(static (name, i) => new[] { "--map", $"{name}=/hostile/v{i}" })];
        var script = $"""
            out=$("$@") || exit 90
            eval "$out" || exit 91
            for v in {string.Join(' ', names.Select(static n => $"\"${n}\""))}; do printf '%s' "$v"; printf '\000'; done
            """;
        var start = new System.Diagnostics.ProcessStartInfo("sh") { UseShellExecute = false };
        foreach (var argument in new[] { "-c", script, "sh" }.Concat(tool))
        {
            start.ArgumentList.Add(argument);
        }

        var shell = await ProcessRun.RunAsync(ProcessRun.WithEnvironment(start, Environment()));

        Assert.True(shell.ExitCode == 0, shell.ToString());
        Assert.Equal(string.Empty, shell.Error);
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(s_values.Select(static v => v + "\0"))), shell.Out);
        Assert.False(File.Exists(Canary), "eval ran a command embedded in a value");
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["AKEYLESS_API_URL"] = _emulator!.BaseUrl.ToString(),
        ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
        ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
    };
}
