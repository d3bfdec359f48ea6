namespace AkeylessSharp;

/// <summary>Options of a new static secret.</summary>
public sealed class CreateSecretOptions
{
    /// <summary>A description, stored as the item's metadata.</summary>
    public string? Description { get; init; }

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The value format: <c>text</c> (default), <c>json</c> or <c>key-value</c>.</summary>
    public string Format { get; init; } = "text";
}
