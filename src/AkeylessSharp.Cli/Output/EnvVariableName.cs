using System.Text;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Output;

/// <summary>
/// Environment variable names as POSIX shells accept them: <c>[A-Za-z_][A-Za-z0-9_]*</c>. Anything else would make
/// <c>eval</c> run a command instead of assigning a variable, and print the value in the shell's error.
/// </summary>
internal static class EnvVariableName
{
    public static bool IsValid(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <exception cref="CliUsageException">The name is not a POSIX variable name; the message names it.</exception>
    public static string Require(string name, string origin) =>
        IsValid(name)
            ? name
            : throw new CliUsageException($"'{name}' ({origin}) is not a valid environment variable name: use letters, digits and _, not starting with a digit.");

    /// <summary>
    /// The variable for a path, or for a path relative to an <c>exec --path</c> prefix: leading '/' dropped, upper case,
    /// every character other than an ASCII letter or digit becomes '_', and '_' goes before a leading digit
    /// (<c>/prod/db-main/password</c> is <c>PROD_DB_MAIN_PASSWORD</c>, <c>1st</c> is <c>_1ST</c>).
    /// </summary>
    public static string FromPath(string path)
    {
        var builder = new StringBuilder(path.Length + 1);
        foreach (var c in path.TrimStart('/'))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
