namespace AkeylessSharp;

/// <summary>Metadata of an Akeyless item; never holds a secret value.</summary>
public sealed class AkeylessItem
{
    /// <summary>The full path, with a leading <c>/</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The numeric item id.</summary>
    public long Id { get; init; }

    /// <summary>The item kind.</summary>
    public AkeylessItemType Type { get; init; }

    /// <summary>The raw <c>item_type</c> string, useful when <see cref="Type"/> is <see cref="AkeylessItemType.Unknown"/>.</summary>
    public string? RawType { get; init; }

    /// <summary>The sub-type, such as <c>generic</c> or <c>password</c> for static secrets.</summary>
    public string? SubType { get; init; }

    /// <summary>The description (<c>item_metadata</c>).</summary>
    public string? Description { get; init; }

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The latest version number; 0 when the item is not versioned.</summary>
    public int LastVersion { get; init; }

    /// <summary>The versions, when requested.</summary>
    public IReadOnlyList<AkeylessItemVersion> Versions { get; init; } = [];

    /// <summary>The value format of a static secret (<c>text</c>, <c>json</c> or <c>key-value</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Whether the item is enabled.</summary>
    public bool IsEnabled { get; init; } = true;

    /// <summary>When the item was created.</summary>
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>When the item was last modified.</summary>
    public DateTimeOffset? ModifiedOn { get; init; }

    /// <summary>When an auto-rotated secret rotates next; <see langword="null"/> for other items.</summary>
    public DateTimeOffset? NextRotationOn { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Name} (v{LastVersion})";
}
