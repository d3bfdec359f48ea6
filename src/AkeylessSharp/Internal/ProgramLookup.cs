namespace AkeylessSharp.Internal;

/// <summary>
/// Finds a program named without a '/' the way a shell does (<c>execvp</c>): in the PATH's folders only, the first
/// executable file winning. .NET's own lookup tries its host's folder and the working directory first, so an executable
/// of that name in a cloned repository or a download folder would run with the secrets.
/// </summary>
internal static class ProgramLookup
{
    // What execvp searches when PATH is not set.
    private const string DefaultPath = "/bin:/usr/bin";

    /// <summary>
    /// The file to start: <paramref name="program"/> itself when it names a path, relative to the working directory only
    /// (or on Windows, whose lookup is its own);
    /// else the first executable file of that name on <paramref name="path"/>, or, when none is executable, the first file
    /// (which then fails to start as not executable, exit 126); <see langword="null"/> when no folder holds it.
    /// </summary>
    public static string? Resolve(string program, string? path)
    {
        if (OperatingSystem.IsWindows())
        {
            return program;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            // Made absolute: .NET tries a relative path in its host's folder and on the PATH too (./printenv ran /usr/bin/printenv).
            return Path.GetFullPath(program);
        }

        string? notExecutable = null;
        foreach (var folder in (path ?? DefaultPath).Split(':'))
        {
            // An empty entry is the working directory, as a shell reads it.
            var candidate = Path.Combine(folder.Length == 0 ? "." : folder, program);
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (IsExecutable(candidate))
            {
                return candidate;
            }

            notExecutable ??= candidate;
        }

        return notExecutable;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
