using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// A program that is found but that the system refuses to run for a less usual reason exits 126 as bash does (only
/// "not found" is 127): a file still open for writing (ETXTBSY), a path through a file (ENOTDIR).
/// </summary>
public sealed class ExecStartErrnoTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Fact]
    public async Task Exec_ProgramStillOpenForWriting_Exits126SayingTextFileBusy()
    {
        using var file = await TempFile.WithTextAsync("#!/bin/sh\necho started\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await using var writer = new FileStream(file.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", file.Path);

        Assert.True(result.ExitCode == 126, result.ToString());
        Assert.Empty(result.Out);
        Assert.StartsWith($"error: cannot run '{file.Path}': text file busy", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_PathThroughAFile_Exits126()
    {
        using var file = await TempFile.WithTextAsync("not a folder");
        var program = file.Path + "/program";

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", program);

        Assert.True(result.ExitCode == 126, result.ToString());
        Assert.StartsWith($"error: cannot run '{program}': ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Exec_ScriptWhoseInterpreterIsMissing_Exits127SayingTheInterpreterNotTheProgramIsMissing()
    {
        using var file = await TempFile.WithTextAsync("#!/nonexistent/interpreter\necho started\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", file.Path);

        Assert.True(result.ExitCode == 127, result.ToString());
        Assert.Empty(result.Out);
        Assert.Equal($"error: cannot start '{file.Path}': the file exists, but its interpreter (its #! line) or a library it needs was not found.", result.Error.Trim());
    }
}
