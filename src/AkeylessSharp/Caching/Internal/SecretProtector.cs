using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp.Caching.Internal;

/// <summary>Why a stored entry could not be read back; logged instead of the entry, which is never logged.</summary>
internal enum UnprotectFailure
{
    None = 0,
    Truncated,
    UnknownFormat,
    UnknownKey,
    Tampered,
    WrongKey,
}

/// <summary>
/// Encrypts values for a distributed cache and authenticates them against the cache key they were written under,
/// so an entry copied to another key, altered, or written under an unknown key is rejected.
/// </summary>
internal abstract class SecretProtector
{
    /// <summary>The first byte of an AES-GCM envelope.</summary>
    public const byte AesGcmFormat = 0xA1;

    /// <summary>The first byte of a Data Protection envelope.</summary>
    public const byte DataProtectionFormat = 0xA2;

    public abstract byte[] Protect(string key, string value);

    public abstract bool TryUnprotect(string key, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out string? value, out UnprotectFailure failure);
}
