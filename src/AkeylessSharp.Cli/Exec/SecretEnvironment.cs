using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// Resolves <see cref="SecretSources"/> to variables: lists the prefixes, names every secret, refuses two secrets for one
/// name, then reads all values in one batch, so nothing starts unless every secret was read.
/// </summary>
internal static class SecretEnvironment
{
    /// <exception cref="CliUsageException">Two secrets map to one variable (the message names both paths), or a name derived
    /// from a path or a JSON field is a <see cref="ProtectedVariables"/> name not given to <c>--allow-env</c>.</exception>
    /// <exception cref="CliNotFoundException">A mapped secret is missing, or a prefix holds no static secret.</exception>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ResolveAsync(IAkeylessClient client, SecretSources sources, CancellationToken cancellationToken)
    {
        var entries = sources.Maps.Select(static m => (m.Name, m.Path, Origin: m.Path)).ToList();
        foreach (var prefix in sources.Prefixes)
        {
            var found = await ListStaticSecretsAsync(client, prefix, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0)
            {
                throw new CliNotFoundException([prefix], $"no static secrets under {prefix} (--path). Check the folder or your role's list rights.");
            }

            foreach (var path in found)
            {
                var name = EnvVariableName.FromPath(Relative(prefix, path));
                RefuseProtected(sources, name, $"{path} (--path {prefix})", $"--map {name}={path}");
                entries.Add((name, path, $"{path} (--path {prefix})"));
            }
        }

        // One secret under one name twice (a --map repeating what --path derives, overlapping prefixes) is one variable, not two.
        entries = [.. entries.DistinctBy(static e => (e.Name, e.Path))];
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _, origin) in entries)
        {
            Claim(origins, name, origin);
        }

        var values = await SecretBatch.ReadAsync(client, [.. entries.Select(static e => e.Path).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var variables = entries.Select(e => KeyValuePair.Create(e.Name, values[e.Path])).ToList();
        if (sources.JsonExpand)
        {
            foreach (var (name, path, _) in entries)
            {
                foreach (var (fieldName, field, value) in JsonExpander.Expand(name, path, values[path]))
                {
                    RefuseProtected(sources, fieldName, $"field {field} of {path} (--json-expand)", null);
                    Claim(origins, fieldName, $"field {field} of {path} (--json-expand)");
                    variables.Add(KeyValuePair.Create(fieldName, value));
                }
            }
        }

        return variables;
    }

    /// <summary>A name the user did not write may not be one that controls how the program runs (<see cref="ProtectedVariables"/>).</summary>
    private static void RefuseProtected(SecretSources sources, string name, string origin, string? map)
    {
        if (ProtectedVariables.Contains(name) && !sources.Allowed.Contains(name))
        {
            var alternative = map is null ? string.Empty : $", or name it yourself with {map} (and leave it out of --path)";
            throw new CliUsageException(
                $"{origin} would set {name}, which controls how the program loads or runs, so whoever can write that item could run code in it. "
                + $"If that is intended, pass --allow-env {name}{alternative}.");
        }
    }

    private static void Claim(Dictionary<string, string> origins, string name, string origin)
    {
        if (!origins.TryAdd(name, origin))
        {
            if (origins[name] == origin)
            {
                // The same field twice: a JSON object with a duplicate key, which no --map can separate.
                throw new CliUsageException($"{origin} appears twice in that JSON object, so {name} has two values; give the secret one field of that name.");
            }

            throw new CliUsageException($"both {origins[name]} and {origin} would set {name}; set one under another name with --map NAME=/path (and leave it out of --path).");
        }
    }

    private static async Task<List<string>> ListStaticSecretsAsync(IAkeylessClient client, string prefix, CancellationToken cancellationToken)
    {
        var options = new ListItemsOptions { Types = [AkeylessItemType.StaticSecret] };
        var paths = new List<string>();
        await foreach (var item in client.ListItemsAsync(prefix, options, cancellationToken).ConfigureAwait(false))
        {
            if (Relative(prefix, item.Name).Length > 0)
            {
                paths.Add(item.Name);
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>The path below the prefix (<c>/prod/app</c>, <c>/prod/app/db/pw</c> → <c>db/pw</c>); empty when the item is not under it.</summary>
    internal static string Relative(string prefix, string path)
    {
        var folder = "/" + prefix.Trim('/');
        var item = "/" + path.TrimStart('/');
        if (folder == "/")
        {
            return item.TrimStart('/');
        }

        return item.StartsWith(folder + "/", StringComparison.Ordinal) ? item[(folder.Length + 1)..] : string.Empty;
    }
}
