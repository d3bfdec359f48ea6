using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// A program named without a '/' is looked up on the PATH only, as a shell looks it up: an executable of that name in
/// the working directory (a cloned repository, a download folder) is never the one that gets the secrets. A relative path
/// is the working directory's file only, never one of that name elsewhere.
/// </summary>
public sealed class ExecProgramLookupTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>, IDisposable
{
    private const string Planted = "planted-program-ran";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("akeyless-cli-lookup-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Exec_ProgramOnThePathShadowedInTheWorkingDirectory_RunsTheOneOnThePath()
    {
        Plant("printenv");

        var result = await RunInWorkAsync("exec", "--map", "KEY=/demo/api/key", "--", "printenv", "KEY");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.ApiKey + "\n", result.OutText);
    }

    [Fact]
    public async Task Exec_ProgramOnlyInTheWorkingDirectory_Exits127AndRunsNothing()
    {
        Plant("only-here-akeyless-sharp");

        var result = await RunInWorkAsync("exec", "--map", "KEY=/demo/api/key", "--", "only-here-akeyless-sharp");

        Assert.True(result.ExitCode == 127, result.ToString());
        Assert.Empty(result.Out);
        Assert.Equal("error: cannot start 'only-here-akeyless-sharp': not found on the PATH. Check the name, the PATH and the working directory.", result.Error.Trim());
    }

    [Theory]
    [InlineData("./printenv")]
    [InlineData("bin/printenv")]
    public async Task Exec_RelativePathMissingFromTheWorkingDirectory_Exits127AndRunsNothing(string program)
    {
        var result = await RunInWorkAsync("exec", "--map", "KEY=/demo/api/key", "--", program, "KEY");

        Assert.True(result.ExitCode == 127, result.ToString());
        Assert.Empty(result.Out);
        Assert.Equal($"error: cannot start '{program}': no such file. Check the name, the PATH and the working directory.", result.Error.Trim());
    }

    [Fact]
    public async Task Exec_RelativePath_RunsTheOneInTheWorkingDirectory()
    {
        Plant("printenv");

        var result = await RunInWorkAsync("exec", "--map", "KEY=/demo/api/key", "--", "./printenv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{Planted} {ExecEmulator.ApiKey}\n", result.OutText);
    }

    private void Plant(string name)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\necho {Planted} \"$KEY\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private Task<ProcessResult> RunInWorkAsync(params string[] args)
    {
        var start = ProcessRun.Tool(emulator.Environment(), args);
        start.WorkingDirectory = _work.FullName;
        return ProcessRun.RunAsync(start);
    }
}
