namespace AkeylessSharp;

/// <summary>Narrows a listing.</summary>
public sealed class ListItemsOptions
{
    /// <summary>Only items of these types; empty lists every type.</summary>
    public IReadOnlyList<AkeylessItemType> Types { get; init; } = [];

    /// <summary>Only items whose name contains this text.</summary>
    public string? Filter { get; init; }

    /// <summary>Only items carrying this tag.</summary>
    public string? Tag { get; init; }

    /// <summary>
    /// Not sent, whatever its value: the <c>list-items</c> API has no page-size field, and the service's pages hold up to
    /// 1,000 items. Kept so that code setting it still compiles.
    /// </summary>
    public int? PageSize { get; init; }
}
