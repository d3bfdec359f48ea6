using System.Runtime.CompilerServices;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// The Airflow backend's naming rules: <c>&lt;base&gt;/&lt;key&gt;</c>, or with a team <c>&lt;base&gt;/&lt;team&gt;/&lt;key&gt;</c>
/// first and then <c>&lt;base&gt;/&lt;global&gt;/&lt;key&gt;</c> (or <c>&lt;base&gt;/&lt;key&gt;</c> without a global path).
/// </summary>
internal sealed class AirflowLayout
{
    public AirflowLayout(string? team, string? globalPath, string separator)
    {
        ArgumentException.ThrowIfNullOrEmpty(separator);
        Separator = separator;
        Team = string.IsNullOrWhiteSpace(team) ? null : Trim(team.Trim());
        GlobalPath = string.IsNullOrWhiteSpace(globalPath) ? null : Trim(globalPath.Trim());
    }

    /// <summary>The layout of connections and variables: team-scoped unless <see cref="AkeylessConfigurationOptions.UseTeamSecretsPath"/> is off.</summary>
    public static AirflowLayout For(AkeylessConfigurationOptions options) =>
        new(options.UseTeamSecretsPath ? options.Team : null, options.GlobalPath, options.Separator);

    public string Separator { get; }

    public string? Team { get; }

    public string? GlobalPath { get; }

    /// <summary>Normalises a base path: leading <c>/</c>, no trailing separator, runs of <c>/</c> collapsed; <see langword="null"/> when empty (lookup disabled).</summary>
    public string? NormalizeBase(string? basePath)
    {
        if (string.IsNullOrWhiteSpace(basePath))
        {
            return null;
        }

        var trimmed = CollapseSlashes("/" + basePath.Trim());
        while (trimmed.Length > 1 && (trimmed.EndsWith('/') || trimmed.EndsWith(Separator, StringComparison.Ordinal)))
        {
            trimmed = trimmed[..^(trimmed.EndsWith('/') ? 1 : Separator.Length)];
        }

        return trimmed;
    }

    /// <summary>The paths tried for <paramref name="key"/>, most specific first; empty when the base path is disabled.</summary>
    /// <exception cref="ArgumentException">The key is empty, or contains the separator while a team is set; it names <paramref name="paramName"/>.</exception>
    public IReadOnlyList<string> Candidates(string? basePath, string key, [CallerArgumentExpression(nameof(key))] string paramName = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key, paramName);
        var root = NormalizeBase(basePath);
        if (root is null)
        {
            return [];
        }

        // Only slashes are trimmed: a separator character ending the key is part of it ("k-" under "-" is "<base>-k-", as in Airflow).
        var cleanKey = key.Trim().Trim('/');
        if (Team is null)
        {
            return [Join(root, cleanKey)];
        }

        // A team's key may not climb into another team's folder: "other-team/secret" is refused outright.
        if (cleanKey.Contains(Separator, StringComparison.Ordinal) || (Separator != "/" && cleanKey.Contains('/')))
        {
            throw new ArgumentException($"With a team set, a key may not contain the separator '{Separator}'.", paramName);
        }

        return [Join(root, Team, cleanKey), GlobalPath is null ? Join(root, cleanKey) : Join(root, GlobalPath, cleanKey)];
    }

    /// <summary>
    /// Classifies a listed item path under <paramref name="root"/>: its key and whether it is the team's own entry.
    /// Items of other teams, and nested keys while a team is set, are not ours.
    /// </summary>
    public bool TryClassify(string root, string itemPath, out string key, out bool isTeamEntry)
    {
        key = "";
        isTeamEntry = false;
        var prefix = root.EndsWith(Separator, StringComparison.Ordinal) ? root : root + Separator;
        if (!itemPath.StartsWith(prefix, StringComparison.Ordinal) || itemPath.Length == prefix.Length)
        {
            return false;
        }

        var relative = itemPath[prefix.Length..];
        if (Team is null)
        {
            key = relative;
            return true;
        }

        if (TryStrip(relative, Team, out key))
        {
            isTeamEntry = true;
            return true;
        }

        if (GlobalPath is not null)
        {
            return TryStrip(relative, GlobalPath, out key);
        }

        key = relative;
        return !relative.Contains(Separator, StringComparison.Ordinal);
    }

    public string Join(params string[] parts) => CollapseSlashes(string.Join(Separator, parts));

    private bool TryStrip(string relative, string folder, out string key)
    {
        key = "";
        var folderPrefix = folder + Separator;
        if (!relative.StartsWith(folderPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        key = relative[folderPrefix.Length..];
        return key.Length > 0 && !key.Contains(Separator, StringComparison.Ordinal);
    }

    private string Trim(string value) => value.Trim('/').Trim(Separator.ToCharArray());

    private static string CollapseSlashes(string path)
    {
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        return path;
    }
}
