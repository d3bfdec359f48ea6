using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Cache keys. The latest whole value of a static secret is keyed by its path alone (no allocation on a hit);
/// every variant starts with the path and a unit separator, so a not-found can evict all variants of a path.
/// Producer arguments are hashed: they may be sensitive and keys are logged.
/// </summary>
internal static class SecretCacheKey
{
    public const char Separator = '\u001f';

    public static string Static(string path, int? version, string? jsonAttribute) =>
        version is null && jsonAttribute is null ? path : Compose(path, "static", version, jsonAttribute);

    public static string Rotated(string path, int? version, string? jsonAttribute, string? host = null, IReadOnlyDictionary<string, string>? arguments = null)
    {
        var key = Compose(path, "rotated", version, jsonAttribute);
        if (host is null && arguments is not { Count: > 0 })
        {
            return key;
        }

        var sb = new StringBuilder(key);
        if (host is not null)
        {
            sb.Append(Separator).Append("h=").Append(host);
        }

        AppendArguments(sb, arguments);
        return sb.ToString();
    }

    public static string Dynamic(string path, string? target, IReadOnlyDictionary<string, string>? arguments)
    {
        var sb = new StringBuilder(path).Append(Separator).Append("dynamic");
        if (target is not null)
        {
            sb.Append(Separator).Append("t=").Append(target);
        }

        AppendArguments(sb, arguments);
        return sb.ToString();
    }

    private static void AppendArguments(StringBuilder sb, IReadOnlyDictionary<string, string>? arguments)
    {
        if (arguments is { Count: > 0 })
        {
            var canonical = new StringBuilder();
            foreach (var (name, value) in arguments.OrderBy(static a => a.Key, StringComparer.Ordinal))
            {
                canonical.Append(name.Length).Append(':').Append(name).Append(value.Length).Append(':').Append(value);
            }

            sb.Append(Separator).Append("args=").Append(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())), 0, 16));
        }
    }

    /// <summary>The item path a key belongs to.</summary>
    public static string PathOf(string key)
    {
        int end = key.IndexOf(Separator, StringComparison.Ordinal);
        return end < 0 ? key : key[..end];
    }

    /// <summary>The length of the segment <see cref="InEpoch"/> appends: the separator, <c>e=</c> and 16 hex digits.</summary>
    public const int EpochSegmentLength = 19;

    /// <summary>A key in an epoch of its path (see <c>CachingSecretReader.PathEpochs.cs</c>).</summary>
    public static string InEpoch(string key, string epoch) => string.Concat(key, "\u001fe=", epoch);

    /// <summary>Whether <paramref name="key"/> is one of <see cref="InEpoch"/>'s: a key read until its path's next write only.</summary>
    public static bool IsInEpoch(string key) =>
        key.Length > EpochSegmentLength && key[^EpochSegmentLength] == Separator && key[^(EpochSegmentLength - 1)] == 'e' && key[^(EpochSegmentLength - 2)] == '=';

    /// <summary>
    /// The same item path spelled with its leading <c>/</c> dropped or added (Akeyless reads both as one item), or
    /// <see langword="null"/> when there is no other spelling.
    /// </summary>
    public static string? OtherSpelling(string path) =>
        path.StartsWith('/') ? (path.Length > 1 ? path[1..] : null) : (path.Length > 0 ? "/" + path : null);

    private static string Compose(string path, string kind, int? version, string? jsonAttribute)
    {
        var sb = new StringBuilder(path).Append(Separator).Append(kind);
        if (version is { } v)
        {
            sb.Append(Separator).Append("v=").Append(v.ToString(CultureInfo.InvariantCulture));
        }

        if (jsonAttribute is not null)
        {
            sb.Append(Separator).Append("a=").Append(jsonAttribute);
        }

        return sb.ToString();
    }
}
