using System.CommandLine;
using System.CommandLine.Parsing;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Checks item paths and folders from the command line before anything is sent, so an empty or malformed path is a
/// usage error (exit 2) that names the argument, not a service error or an <see cref="ArgumentException"/>.
/// An item path is not empty, does not start with '-' (a mistyped option), has no control character, no leading or trailing space, no empty segment (<c>//</c>)
/// and no trailing '/'; a folder may end with '/' and may be <c>/</c>.
/// </summary>
internal static class ItemPath
{
    /// <exception cref="CliUsageException">The path is malformed.</exception>
    public static string Require(string? path, string what) =>
        Problem(path, what, folder: false) is { } problem ? throw new CliUsageException(problem) : path!;

    /// <summary>Returns the folder without its trailing '/' (<c>/</c> stays <c>/</c>).</summary>
    /// <exception cref="CliUsageException">The folder is malformed.</exception>
    public static string RequireFolder(string? path, string what) =>
        Problem(path, what, folder: true) is { } problem
            ? throw new CliUsageException(problem)
            : path!.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";

    /// <summary>A <c>path</c> argument whose value the parser checks: a bad one is a parse error, exit 2.</summary>
    public static Argument<string> Argument(string description, bool folder = false)
    {
        var argument = new Argument<string>("path") { Description = description };
        argument.Validators.Add(result =>
        {
            if (Problem(result.GetValueOrDefault<string>(), "the path", folder) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    /// <summary>Makes the parser check an option's item path.</summary>
    public static Option<string> Checked(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && Problem(result.GetValueOrDefault<string>(), option.Name, folder: false) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    private static string? Problem(string? path, string what, bool folder)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{what} is empty: give an item path such as /prod/db/password.";
        }

        if (path.Any(char.IsControl))
        {
            return $"{what} contains a control character (a newline or a tab?): '{path.ReplaceLineEndings(" ")}'.";
        }

        if (path.StartsWith('-'))
        {
            // get-many takes every word it does not know as a path: a mistyped option (--outptu) must not read as a missing item (exit 4).
            return $"{what} '{ParseErrorLines.OptionName(path)}' starts with '-', like an option: check the option's spelling (see --help), or write the path with its leading '/'.";
        }

        if (path != path.Trim())
        {
            return $"{what} '{path}' starts or ends with a space.";
        }

        if (path.Contains("//", StringComparison.Ordinal))
        {
            return $"{what} '{path}' has an empty segment ('//').";
        }

        return !folder && path.EndsWith('/')
            ? $"{what} '{path}' ends with '/': an item path names an item, such as /prod/db/password."
            : null;
    }
}
