namespace AkeylessSharp.Configuration;

/// <summary>
/// What happens when two secrets map to the same configuration key (keys compare case-insensitively), or two properties
/// of one flattened JSON secret do (<c>"Db"</c> and <c>"db"</c>).
/// </summary>
public enum DuplicateKeyPolicy
{
    /// <summary>The later secret wins: base paths in order, then explicit paths, then connections, variables, config and references.</summary>
    Replace = 0,

    /// <summary>The first secret wins; later ones are ignored and logged.</summary>
    Skip,

    /// <summary>Loading fails with an <see cref="AkeylessException"/> naming the key and both paths.</summary>
    Throw,
}
