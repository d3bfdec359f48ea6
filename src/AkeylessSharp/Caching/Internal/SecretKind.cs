namespace AkeylessSharp.Caching.Internal;

/// <summary>What a cached value is, which decides its lifetime and whether a stale copy may be served.</summary>
internal enum SecretKind
{
    Static = 0,
    Rotated,
    Dynamic,
}
