using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration;

/// <summary>
/// Decides which listed secrets become configuration and under which key. Derive from it to change either:
/// the default loads every static secret and maps <c>/app/prod/Db/Password</c> under base <c>/app/prod</c> to <c>Db:Password</c>.
/// </summary>
/// <remarks>Methods are called during every load and reload, possibly from a timer thread; keep them pure.</remarks>
public class AkeylessSecretManager
{
    /// <summary>The shared default instance.</summary>
    public static AkeylessSecretManager Default { get; } = new();

    /// <summary>Decides whether a listed item under a base path is loaded. Explicit paths are always loaded.</summary>
    /// <param name="item">The item's metadata from the listing; it holds no value.</param>
    /// <returns><see langword="true"/> to load the item. The default accepts every item.</returns>
    public virtual bool Load(AkeylessItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return true;
    }

    /// <summary>Maps a secret path to a configuration key.</summary>
    /// <param name="path">The full secret path, such as <c>/app/prod/Db/Password</c>.</param>
    /// <param name="basePath">The base path it was found under, such as <c>/app/prod</c>; <see langword="null"/> for an explicit path outside every base path.</param>
    /// <returns>The key; the default strips the base path and turns every <c>/</c> into <c>:</c> (<c>Db:Password</c>).</returns>
    public virtual string GetKey(string path, string? basePath)
    {
        ArgumentNullException.ThrowIfNull(path);
        var relative = path;
        if (basePath is not null && basePath != "/" && path.StartsWith(basePath.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            relative = path[(basePath.TrimEnd('/').Length + 1)..];
        }

        return string.Join(ConfigurationPath.KeyDelimiter, relative.Split('/', StringSplitOptions.RemoveEmptyEntries));
    }
}
