namespace AkeylessSharp.Configuration.Internal;

/// <summary>What one load read: each path's raw value and, when it came from a listing, its identity (for change detection).</summary>
internal sealed class LoadState
{
    public static LoadState Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, ItemIdentity>(StringComparer.Ordinal));

    public LoadState(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, ItemIdentity> identities)
    {
        Values = values;
        Identities = identities;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlyDictionary<string, ItemIdentity> Identities { get; }

    /// <summary>
    /// Whether the value read for <paramref name="path"/> last time is still current: listed then and now with the same
    /// version, item id and modification date (a re-created secret keeps its version number but not the others).
    /// </summary>
    public bool TryReuse(string path, ItemIdentity listed, out string value)
    {
        value = "";
        return listed.IsListed
            && Identities.TryGetValue(path, out var identity) && identity == listed
            && Values.TryGetValue(path, out value!);
    }
}
