namespace AkeylessSharp.Configuration.Internal;

/// <summary>What a selected secret becomes in configuration.</summary>
internal enum SecretEntryKind
{
    /// <summary>A plain (possibly JSON-flattened) secret under its mapped key.</summary>
    Secret,
    /// <summary>An Airflow connection: <c>Connections:&lt;id&gt;:*</c> and <c>ConnectionStrings:&lt;id&gt;</c>.</summary>
    Connection,
    /// <summary>An Airflow variable: <c>Variables:&lt;key&gt;</c>.</summary>
    Variable,
    /// <summary>An Airflow config entry: <c>Config:&lt;key&gt;</c>.</summary>
    Config,
    /// <summary>A secret reference found in another source; the key is the referencing key.</summary>
    Reference,
}

/// <summary>One selected secret: where it lives, what it becomes, and the listed version (0 when not listed).</summary>
internal sealed record SecretEntry(SecretEntryKind Kind, string Path, string Key, int Version)
{
    /// <summary>A secret found by a listing, with what the listing says of its identity.</summary>
    public SecretEntry(SecretEntryKind kind, string key, AkeylessItem item)
        : this(kind, item.Name, key, item.LastVersion) => Identity = ItemIdentity.Of(item);

    /// <summary>The listed identity; <see cref="ItemIdentity.Unlisted"/> for explicit paths and references.</summary>
    public ItemIdentity Identity { get; init; }
}
