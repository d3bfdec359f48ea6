using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Decides which secrets one load reads: one paginated listing per folder (base paths and the Airflow folders),
/// filtered by type, tags, the predicate and the secret manager; then explicit paths and references, which need no listing.
/// </summary>
internal sealed class SecretSelector
{
    private static readonly ListItemsOptions s_staticSecrets = new() { Types = [AkeylessItemType.StaticSecret] };

    private readonly AkeylessConfigurationOptions _options;
    private readonly AirflowLayout _layout;
    private readonly AirflowLayout _unscoped;
    private readonly AirflowLayout _folders = new(null, null, "/");
    private readonly IAkeylessClient _client;

    public SecretSelector(AkeylessConfigurationOptions options, AirflowLayout layout, IAkeylessClient client)
    {
        _options = options;
        _layout = layout;
        _unscoped = new AirflowLayout(null, null, layout.Separator);
        _client = client;
    }

    private string KeyOf(string path, string? basePath) =>
        _options.SecretManager.GetKey(path, basePath) ?? throw new AkeylessConfigurationException(
            $"{_options.SecretManager.GetType().Name}.GetKey returned null for {Quote.Of(path)}; return the configuration key to load it under, or leave the secret out with Load.",
            nameof(AkeylessConfigurationOptions.SecretManager));

    public async Task<List<SecretEntry>> SelectAsync(IReadOnlyList<KeyValuePair<string, string>> references, CancellationToken cancellationToken)
    {
        var listings = new Dictionary<string, List<AkeylessItem>>(StringComparer.Ordinal);
        var entries = new List<SecretEntry>();

        // The Airflow separator shapes Airflow names only: base paths and explicit paths are folders and names as written.
        var basePaths = _options.BasePaths.Select(_folders.NormalizeBase).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var root in basePaths)
        {
            foreach (var item in await ListAsync(listings, root, cancellationToken).ConfigureAwait(false))
            {
                if (IsUnder(item.Name, root) && HasTags(item) && _options.SecretManager.Load(item) && (_options.Filter?.Invoke(item) ?? true))
                {
                    entries.Add(new(SecretEntryKind.Secret, KeyOf(item.Name, root), item));
                }
            }
        }

        foreach (var raw in _options.Paths)
        {
            if (_folders.NormalizeBase(raw) is { } path)
            {
                var root = basePaths.Where(b => IsUnder(path, b)).MaxBy(b => b.Length);
                entries.Add(new(SecretEntryKind.Secret, path, KeyOf(path, root), 0));
            }
        }

        await AddLayoutAsync(entries, listings, _layout, _options.ConnectionsPath, SecretEntryKind.Connection, cancellationToken).ConfigureAwait(false);
        await AddLayoutAsync(entries, listings, _layout, _options.VariablesPath, SecretEntryKind.Variable, cancellationToken).ConfigureAwait(false);

        // Airflow never team-scopes config: <config path>/<key> only.
        await AddLayoutAsync(entries, listings, _unscoped, _options.ConfigPath, SecretEntryKind.Config, cancellationToken).ConfigureAwait(false);

        foreach (var (key, path) in references)
        {
            entries.Add(new(SecretEntryKind.Reference, path, key, 0));
        }

        return entries;
    }

    private async Task AddLayoutAsync(
        List<SecretEntry> entries, Dictionary<string, List<AkeylessItem>> listings, AirflowLayout layout, string? basePath, SecretEntryKind kind, CancellationToken cancellationToken)
    {
        // A null or empty base path disables the lookup without any request, as in the Airflow backend.
        if (_layout.NormalizeBase(basePath) is not { } root)
        {
            return;
        }

        var chosen = new Dictionary<string, (AkeylessItem Item, bool IsTeam)>(StringComparer.Ordinal);
        // With a separator other than '/', "<base><sep><key>" is not inside the folder <base>: list its parent instead.
        var folder = layout.Separator == "/" ? root : ParentFolder(root);
        foreach (var item in await ListAsync(listings, folder, cancellationToken).ConfigureAwait(false))
        {
            if (!layout.TryClassify(root, item.Name, out var key, out var isTeam))
            {
                continue;
            }

            // The team's own entry wins over the global one, whatever the listing order.
            if (!chosen.TryGetValue(key, out var existing) || (isTeam && !existing.IsTeam))
            {
                chosen[key] = (item, isTeam);
            }
        }

        // Configuration keys ignore case: a global "color" would land on the team's "Color", so the team's entry shadows it.
        var teamKeys = chosen.Where(p => p.Value.IsTeam).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, (item, isTeam)) in chosen.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (isTeam || !teamKeys.Contains(key))
            {
                entries.Add(new(kind, key, item));
            }
        }
    }

    private async Task<List<AkeylessItem>> ListAsync(Dictionary<string, List<AkeylessItem>> listings, string folder, CancellationToken cancellationToken)
    {
        if (listings.TryGetValue(folder, out var cached))
        {
            return cached;
        }

        var items = new List<AkeylessItem>();
        try
        {
            await foreach (var item in _client.ListItemsAsync(folder, s_staticSecrets, cancellationToken).ConfigureAwait(false))
            {
                if (item.Type == AkeylessItemType.StaticSecret)
                {
                    items.Add(item);
                }
            }
        }
        catch (AkeylessNotFoundException)
        {
            // A folder that does not exist holds nothing: absent, not an error (auth and availability errors still throw).
            items.Clear();
        }

        listings[folder] = items;
        return items;
    }

    private bool HasTags(AkeylessItem item) =>
        _options.Tags.All(tag => item.Tags.Contains(tag, StringComparer.Ordinal));

    private static bool IsUnder(string path, string root) =>
        root == "/" ? path.Length > 1 : path.Length > root.Length + 1 && path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == '/';

    private static string ParentFolder(string root)
    {
        var slash = root.LastIndexOf('/');
        return slash <= 0 ? "/" : root[..slash];
    }
}
