namespace AkeylessSharp.Emulator.Tool;

/// <summary>Turns the failures a user can cause at start-up (bad seed, missing file, busy port) into one line.</summary>
internal static class StartupFailure
{
    /// <summary>Returns the line to print, or <see langword="null"/> for an exception that is a bug and should surface whole.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        FileNotFoundException e => $"file not found: {e.FileName ?? e.Message}",
        DirectoryNotFoundException e => $"directory not found: {e.Message}",
        IOException e => e.Message,
        UnauthorizedAccessException e => e.Message,
        InvalidOperationException e => e.Message,
        ArgumentException e => e.Message,
        _ => null,
    };
}
