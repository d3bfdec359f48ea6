namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// What a listing says about one secret, enough to tell whether the value read last time is still the current one: the
/// version alone is not, since a secret deleted and created again starts over at version 1; its item id and modification
/// date change then.
/// </summary>
internal readonly record struct ItemIdentity(int Version, long ItemId, DateTimeOffset? ModifiedOn)
{
    /// <summary>Not listed (an explicit path or a reference): never reused, always read.</summary>
    public static ItemIdentity Unlisted => default;

    public bool IsListed => Version > 0;

    public static ItemIdentity Of(AkeylessItem item) => new(item.LastVersion, item.Id, item.ModifiedOn);
}
