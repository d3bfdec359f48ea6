namespace AkeylessSharp.Configuration.Internal;

/// <summary>What one load read: each path's raw value and, when it came from a listing, its version (for change detection).</summary>
internal sealed class LoadState
{
    public static LoadState Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));

    public LoadState(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, int> versions)
    {
        Values = values;
        Versions = versions;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlyDictionary<string, int> Versions { get; }

    /// <summary>Whether the value read for <paramref name="path"/> last time is still current: same listed version, greater than 0.</summary>
    public bool TryReuse(string path, int listedVersion, out string value)
    {
        value = "";
        return listedVersion > 0
            && Versions.TryGetValue(path, out var version) && version == listedVersion
            && Values.TryGetValue(path, out value!);
    }
}
