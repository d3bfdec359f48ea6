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

    public abstract byte[] Protect(string key, string value);

    public abstract bool TryUnprotect(string key, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out string? value, out UnprotectFailure failure);
}
