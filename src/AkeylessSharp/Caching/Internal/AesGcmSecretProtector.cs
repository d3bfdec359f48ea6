using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// AES-256-GCM envelopes: <c>[0xA3][key id length][key id][nonce 12][tag 16][ciphertext]</c>. The header and the
/// storage key are authenticated data, so the key id cannot be swapped and an entry cannot be moved to another key.
/// </summary>
internal sealed class AesGcmSecretProtector : SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _currentKey;
    private readonly byte[] _currentKeyId;
    private readonly Dictionary<string, byte[]> _keys;

    public AesGcmSecretProtector(string keyId, byte[] key, IReadOnlyDictionary<string, byte[]>? previousKeys = null)
    {
        _currentKey = key;
        _currentKeyId = Encoding.ASCII.GetBytes(keyId);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, previous) in previousKeys ?? new Dictionary<string, byte[]>())
        {
            _keys[id] = previous;
        }

        _keys[keyId] = key;
    }

    public static AesGcmSecretProtector FromOptions(AkeylessCacheOptions options)
    {
        var previous = options.PreviousEncryptionKeys.ToDictionary(static p => p.Key, static p => Convert.FromBase64String(p.Value), StringComparer.Ordinal);
        return new AesGcmSecretProtector(options.EncryptionKeyId, Convert.FromBase64String(options.EncryptionKey!), previous);
    }

    public override byte[] Protect(string storageKey, string value)
    {
        int headerSize = 2 + _currentKeyId.Length;
        int plainSize = Encoding.UTF8.GetByteCount(value);
        var envelope = new byte[headerSize + NonceSize + TagSize + plainSize];
        envelope[0] = AesGcmFormat;
        envelope[1] = (byte)_currentKeyId.Length;
        _currentKeyId.CopyTo(envelope.AsSpan(2));
        var nonce = envelope.AsSpan(headerSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        byte[] plain = ArrayPool<byte>.Shared.Rent(plainSize);
        try
        {
            Encoding.UTF8.GetBytes(value, plain);
            using var aes = new AesGcm(_currentKey, TagSize);
            aes.Encrypt(
                nonce,
                plain.AsSpan(0, plainSize),
                envelope.AsSpan(headerSize + NonceSize + TagSize),
                envelope.AsSpan(headerSize + NonceSize, TagSize),
                AssociatedData(envelope.AsSpan(0, headerSize), storageKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, plainSize));
            ArrayPool<byte>.Shared.Return(plain);
        }

        return envelope;
    }

    public override bool TryUnprotect(string storageKey, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out string? value, out UnprotectFailure failure)
    {
        value = null;
        failure = CheckFormat(envelope, AesGcmFormat);
        if (failure != UnprotectFailure.None)
        {
            return false;
        }

        int headerSize = 2 + envelope[1];
        if (envelope.Length < headerSize + NonceSize + TagSize)
        {
            failure = UnprotectFailure.Truncated;
            return false;
        }

        if (!_keys.TryGetValue(Encoding.ASCII.GetString(envelope[2..headerSize]), out var aesKey))
        {
            failure = UnprotectFailure.UnknownKey;
            return false;
        }

        var cipher = envelope[(headerSize + NonceSize + TagSize)..];
        byte[] plain = ArrayPool<byte>.Shared.Rent(cipher.Length);
        try
        {
            using var aes = new AesGcm(aesKey, TagSize);
            aes.Decrypt(
                envelope.Slice(headerSize, NonceSize),
                cipher,
                envelope.Slice(headerSize + NonceSize, TagSize),
                plain.AsSpan(0, cipher.Length),
                AssociatedData(envelope[..headerSize], storageKey));
            value = Encoding.UTF8.GetString(plain, 0, cipher.Length);
            failure = UnprotectFailure.None;
            return true;
        }
        catch (CryptographicException)
        {
            failure = UnprotectFailure.Tampered;
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, cipher.Length));
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    /// <summary>The envelope header followed by the UTF-8 storage key.</summary>
    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string key)
    {
        var ad = new byte[header.Length + Encoding.UTF8.GetByteCount(key)];
        header.CopyTo(ad);
        Encoding.UTF8.GetBytes(key, ad.AsSpan(header.Length));
        return ad;
    }
}
