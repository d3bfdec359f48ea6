using System.Buffers.Text;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Caching.Internal;

/// <summary>The attribute rules of <see cref="AkeylessCacheOptions"/>, generated at build time.</summary>
[OptionsValidator]
internal sealed partial class AkeylessCacheOptionsAttributeValidator : IValidateOptions<AkeylessCacheOptions>
{
}

/// <summary>The rules that span fields or need decoding: key sizes and key ids. Messages never quote a key.</summary>
internal sealed class AkeylessCacheOptionsValidator : IValidateOptions<AkeylessCacheOptions>
{
    public const int KeySizeBytes = 32;
    private const int MaxKeyIdLength = 32;

    public ValidateOptionsResult Validate(string? name, AkeylessCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsValidKeyId(options.EncryptionKeyId))
        {
            failures.Add($"AkeylessCacheOptions.EncryptionKeyId '{options.EncryptionKeyId}' is not allowed: use 1 to {MaxKeyIdLength} ASCII letters, digits, '-' or '_'.");
        }

        if (options.EncryptionKey is { } key && DecodedLength(key) != KeySizeBytes)
        {
            failures.Add($"AkeylessCacheOptions.EncryptionKey must be base64 of exactly {KeySizeBytes} bytes (a 256-bit AES key); the value given is not.");
        }

        foreach (var (id, previous) in options.PreviousEncryptionKeys)
        {
            if (!IsValidKeyId(id) || string.Equals(id, options.EncryptionKeyId, StringComparison.Ordinal))
            {
                failures.Add($"AkeylessCacheOptions.PreviousEncryptionKeys has the id '{id}', which is malformed or equal to EncryptionKeyId.");
            }
            else if (DecodedLength(previous) != KeySizeBytes)
            {
                failures.Add($"AkeylessCacheOptions.PreviousEncryptionKeys['{id}'] must be base64 of exactly {KeySizeBytes} bytes; the value given is not.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Runs both validators outside DI, throwing the first failure as a configuration error.</summary>
    public static void EnsureValid(AkeylessCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new AkeylessCacheOptionsAttributeValidator().Validate(null, options);
        if (result.Succeeded)
        {
            result = new AkeylessCacheOptionsValidator().Validate(null, options);
        }

        if (result.Failed)
        {
            throw new AkeylessConfigurationException(result.FailureMessage, nameof(AkeylessCacheOptions));
        }
    }

    public static bool IsValidKeyId(string? id) =>
        id is { Length: > 0 and <= MaxKeyIdLength } && id.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static int DecodedLength(string base64) =>
        Base64.IsValid(base64, out int length) ? length : -1;
}
