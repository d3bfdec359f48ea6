namespace AkeylessSharp;

/// <content>The copy a client takes of its options.</content>
public sealed partial class AkeylessClientOptions
{
    /// <summary>
    /// A copy of every setting, <see cref="Cache"/> included (the caches, lock and callbacks themselves are shared): what a
    /// client keeps, so changing the object it was given, to build another client or by mistake, never changes the
    /// credentials, limits or timeouts of a client already built.
    /// </summary>
    internal AkeylessClientOptions Snapshot()
    {
        // Every setting is a value, an immutable string or a shared service, but the cache options, which get their own copy.
        var copy = (AkeylessClientOptions)MemberwiseClone();
        copy.Cache = Cache?.Snapshot();
        return copy;
    }
}
