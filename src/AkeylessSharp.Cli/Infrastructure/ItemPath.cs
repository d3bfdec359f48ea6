namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Checks item paths and folders from the command line before anything is sent, so an empty or malformed path is a
/// usage error (exit 2) that names the argument, not a service error or an <see cref="ArgumentException"/>.
/// </summary>
internal static class ItemPath
{
    /// <summary>An item: not empty, no control characters, no empty segment (<c>//</c>), no trailing '/'.</summary>
    /// <exception cref="CliUsageException">The path is malformed.</exception>
    public static string Require(string? path, string what)
    {
        var checkedPath = Check(path, what);
        return checkedPath.EndsWith('/')
            ? throw new CliUsageException($"{what} '{checkedPath}' ends with '/': an item path names an item, such as /prod/db/password.")
            : checkedPath;
    }

    /// <summary>A folder: as an item path, but <c>/</c> and a trailing '/' are allowed; returned without the trailing '/' (except <c>/</c>).</summary>
    /// <exception cref="CliUsageException">The folder is malformed.</exception>
    public static string RequireFolder(string? path, string what)
    {
        var checkedPath = Check(path, what);
        var trimmed = checkedPath.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static string Check(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliUsageException($"{what} is empty: give an item path such as /prod/db/password.");
        }

        if (path.Any(char.IsControl))
        {
            throw new CliUsageException($"{what} contains a control character (a newline or tab?): '{path.ReplaceLineEndings(" ")}'.");
        }

        if (path != path.Trim())
        {
            throw new CliUsageException($"{what} '{path}' starts or ends with a space; quote the path without them.");
        }

        return path.Contains("//", StringComparison.Ordinal)
            ? throw new CliUsageException($"{what} '{path}' has an empty segment ('//').")
            : path;
    }
}
