namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>Items a command needs do not exist (exit code 4); the message names every missing path, never a value.</summary>
/// <param name="paths">The missing paths or folders, in the order they were asked for.</param>
/// <param name="message">What is missing and what to check.</param>
internal sealed class CliNotFoundException(IReadOnlyList<string> paths, string message) : Exception(message)
{
    public IReadOnlyList<string> Paths { get; } = paths;

    public static CliNotFoundException ForPaths(IReadOnlyList<string> paths) => new(paths,
        paths.Count == 1
            ? $"no item at {paths[0]} (404). Check the path or your role's list rights."
            : $"no items at {string.Join(", ", paths)} (404). Check the paths or your role's list rights.");
}
