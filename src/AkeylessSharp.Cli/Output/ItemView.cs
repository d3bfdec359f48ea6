namespace AkeylessSharp.Cli.Output;

/// <summary>An item's metadata as <c>list</c> and <c>describe</c> print it in JSON; never a secret value.</summary>
internal sealed record ItemView(
    string Name,
    string Type,
    string? SubType,
    string? Format,
    string? Description,
    IReadOnlyList<string> Tags,
    int LastVersion,
    IReadOnlyList<VersionView>? Versions,
    bool Enabled,
    DateTimeOffset? CreatedOn,
    DateTimeOffset? ModifiedOn,
    long Id)
{
    public static ItemView From(AkeylessItem item, bool withVersions) => new(
        item.Name,
        ItemTypeNames.ToName(item.Type, item.RawType),
        item.SubType,
        item.Format,
        item.Description,
        item.Tags,
        item.LastVersion,
        withVersions ? [.. item.Versions.Select(static v => new VersionView(v.Version, v.State, v.CreatedOn))] : null,
        item.IsEnabled,
        item.CreatedOn,
        item.ModifiedOn,
        item.Id);
}

/// <summary>One version of an item in JSON output.</summary>
internal sealed record VersionView(int Version, string? State, DateTimeOffset? CreatedOn);
