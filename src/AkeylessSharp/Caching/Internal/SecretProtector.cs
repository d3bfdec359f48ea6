using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.DataProtection;

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

    /// <summary>Written by an earlier version, bound to the cache key alone: a miss, not a sign of tampering.</summary>
    FormerFormat,
}

/// <summary>
/// Encrypts values for a distributed cache and authenticates them against the storage key they were written under
/// (the cache's prefix and, for <see cref="DistributedSecretCache"/>, its generation included), so an entry copied to
/// another key, another application's prefix or a generation a clear started, altered, or written under an unknown key
/// is rejected.
/// </summary>
internal abstract class SecretProtector
{
    /// <summary>The first byte of an AES-GCM envelope.</summary>
    public const byte AesGcmFormat = 0xA3;

    /// <summary>The first byte of a Data Protection envelope.</summary>
    public const byte DataProtectionFormat = 0xA4;

    // The formats before envelopes were bound to the storage key (bound to the cache key alone). Their entries are
    // misses: read, they could be replayed under another prefix or generation until they expire.
    private const byte FormerAesGcmFormat = 0xA1;
    private const byte FormerDataProtectionFormat = 0xA2;

    /// <summary>The protector the options ask for; a shared cache never stores values in clear, so one is required.</summary>
    /// <exception cref="AkeylessConfigurationException">The options are invalid or name no way to encrypt.</exception>
    public static SecretProtector Create(AkeylessCacheOptions options, IDataProtectionProvider? dataProtectionProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        AkeylessCacheOptionsValidator.EnsureValid(options);
        if (options.UseDataProtection)
        {
            return dataProtectionProvider is null
                ? throw new AkeylessConfigurationException(
                    "AkeylessCacheOptions.UseDataProtection is set but no IDataProtectionProvider was given; register Data Protection (services.AddDataProtection()) or set EncryptionKey instead.",
                    nameof(AkeylessCacheOptions.UseDataProtection))
                : new DataProtectionSecretProtector(dataProtectionProvider);
        }

        return options.EncryptionKey is null
            ? throw new AkeylessConfigurationException(
                "A shared secret cache never stores values in clear: set AkeylessCacheOptions.EncryptionKey (base64 of 32 random bytes) or UseDataProtection.",
                nameof(AkeylessCacheOptions.EncryptionKey))
            : AesGcmSecretProtector.FromOptions(options);
    }

    /// <summary>Encrypts <paramref name="value"/> for the entry stored under <paramref name="storageKey"/>.</summary>
    public abstract byte[] Protect(string storageKey, string value);

    /// <summary>Decrypts an envelope read from under <paramref name="storageKey"/>, if it was written there.</summary>
    public abstract bool TryUnprotect(string storageKey, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out string? value, out UnprotectFailure failure);

    /// <summary>Why an envelope too short or not starting with <paramref name="format"/> is unreadable; <see cref="UnprotectFailure.None"/> when it is neither.</summary>
    protected static UnprotectFailure CheckFormat(ReadOnlySpan<byte> envelope, byte format) =>
        envelope.Length < 2 ? UnprotectFailure.Truncated
        : envelope[0] == format ? UnprotectFailure.None
        : envelope[0] is FormerAesGcmFormat or FormerDataProtectionFormat ? UnprotectFailure.FormerFormat
        : UnprotectFailure.UnknownFormat;
}
