namespace AkeylessSharp;

/// <summary>What the caller may do at a path.</summary>
[Flags]
public enum AkeylessPermissions
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>Read values.</summary>
    Read = 1,
    /// <summary>List items.</summary>
    List = 2,
    /// <summary>Create items.</summary>
    Create = 4,
    /// <summary>Update items.</summary>
    Update = 8,
    /// <summary>Delete items.</summary>
    Delete = 16,
    /// <summary>Create or update.</summary>
    Write = Create | Update,
}
