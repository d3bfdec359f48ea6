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

    /// <summary>How many items to ask for per page; <see langword="null"/> lets the service choose.</summary>
    public int? PageSize { get; init; }
}
