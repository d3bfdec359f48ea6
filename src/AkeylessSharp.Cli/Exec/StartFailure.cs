using System.ComponentModel;
using System.Text;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// Why <c>exec</c> could not start its program, said as a shell says it, with the exit code a shell gives: 127 when it was
/// not found, 126 for every other reason it cannot run (not executable, not a program for this system, a directory, an
/// environment too large, a file still open for writing, a path through a file), as bash decides on execve's errno.
/// Names variables and sizes, never a value.
/// </summary>
internal static class StartFailure
{
    // errno values, the same on Linux and macOS.
    private const int NoSuchFile = 2;
    private const int ArgumentListTooLong = 7;
    private const int ExecFormatError = 8;
    private const int PermissionDenied = 13;
    private const int TextFileBusy = 26;

    public static (int ExitCode, string Message) IsADirectory(string program) =>
        (ExitCodes.NotExecutable, $"cannot run '{program}': it is a directory, not a program.");

    public static (int ExitCode, string Message) NotFound(string program) => (ExitCodes.CannotStart,
        $"cannot start '{program}': {(program.Contains('/', StringComparison.Ordinal) ? "no such file" : "not found on the PATH")}. Check the name, the PATH and the working directory.");

    public static (int ExitCode, string Message) Describe(string program, string? file, Win32Exception ex, IReadOnlyList<KeyValuePair<string, string>> variables) => ex.NativeErrorCode switch
    {
        PermissionDenied => (ExitCodes.NotExecutable,
            $"cannot run '{program}': permission denied. Check that it is an executable file (chmod +x) and that you may run it."),
        ArgumentListTooLong => (ExitCodes.NotExecutable, TooLarge(program, variables)),
        ExecFormatError => (ExitCodes.NotExecutable,
            $"cannot run '{program}': exec format error, not a program this system can run (a binary for another platform, or a script without a #! line)."),
        NoSuchFile when file is not null && File.Exists(file) => (ExitCodes.CannotStart,
            $"cannot start '{program}': the file exists, but its interpreter (its #! line) or a library it needs was not found."),
        NoSuchFile => NotFound(program),
        TextFileBusy => (ExitCodes.NotExecutable,
            $"cannot run '{program}': text file busy, it is open for writing (still being written or replaced). Run it again once it is written."),
        _ => (ExitCodes.NotExecutable,
            $"cannot run '{program}': {ex.Message.TrimEnd('.')}. Check the name, the PATH and the working directory."),
    };

    private static string TooLarge(string program, IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        var sizes = variables.Select(static v => (v.Key, Bytes: Encoding.UTF8.GetByteCount(v.Value))).ToList();
        var largest = sizes.MaxBy(static s => s.Bytes);
        return $"cannot start '{program}': the system refused its environment as too large ({sizes.Count} secret variables, "
            + $"{sizes.Sum(static s => (long)s.Bytes)} bytes; the largest is {largest.Key}, {largest.Bytes} bytes). Linux takes at most "
            + "128 KiB per variable and about 2 MiB of arguments and environment together: pass the large secrets another way, such as a file.";
    }
}
