namespace AkeylessSharp;

/// <summary>A secret read without knowing its kind in advance.</summary>
public sealed class SecretValue
{
    /// <summary>The detected item kind.</summary>
    public required AkeylessItemType Type { get; init; }

    /// <summary>The value: the text of a static secret, or the JSON text of a dynamic or rotated secret's fields.</summary>
    public required string Value { get; init; }

    /// <summary>Redacts the value.</summary>
    public override string ToString() => $"{Type} secret (value redacted)";
}
