using System.Buffers;
using System.Text;

namespace AkeylessSharp.Cli.Output;

/// <summary>
/// <c>NAME=value</c> lines for <c>get-many --output env</c>: names come from <c>NAME=/path</c> arguments or the path
/// (<c>/prod/db/password</c> is <c>PROD_DB_PASSWORD</c>); values are single-quoted for the shell when they need it,
/// so <c>eval "$(akeyless-sharp get-many ... -o env)"</c> is safe.
/// </summary>
internal static class EnvFormat
{
    private static readonly SearchValues<char> s_plain = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+,-=");

    public static string NameFor(string path)
    {
        var builder = new StringBuilder(path.Length);
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

    public static string Quote(string value) =>
        value.Length > 0 && !value.AsSpan().ContainsAnyExcept(s_plain)
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
