using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// ASP.NET Core Data Protection envelopes: <c>[0xA4][protected payload]</c>, where the payload carries the storage key
/// beside the value so an entry moved to another key is rejected. Key ids and rotation are the key ring's.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : SecretProtector
{
    public const string Purpose = "AkeylessSharp.Caching.SecretCache.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public override byte[] Protect(string storageKey, string value)
    {
        int keySize = Encoding.UTF8.GetByteCount(storageKey);
        var plain = new byte[4 + keySize + Encoding.UTF8.GetByteCount(value)];
        try
        {
            BinaryPrimitives.WriteInt32LittleEndian(plain, keySize);
            Encoding.UTF8.GetBytes(storageKey, plain.AsSpan(4));
            Encoding.UTF8.GetBytes(value, plain.AsSpan(4 + keySize));
            byte[] protectedBytes = _protector.Protect(plain);
            var envelope = new byte[protectedBytes.Length + 1];
            envelope[0] = DataProtectionFormat;
            protectedBytes.CopyTo(envelope, 1);
            return envelope;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public override bool TryUnprotect(string storageKey, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out string? value, out UnprotectFailure failure)
    {
        value = null;
        failure = CheckFormat(envelope, DataProtectionFormat);
        if (failure != UnprotectFailure.None)
        {
            return false;
        }

        byte[] plain;
        try
        {
            plain = _protector.Unprotect(envelope[1..].ToArray());
        }
        catch (CryptographicException)
        {
            failure = UnprotectFailure.Tampered;
            return false;
        }

        try
        {
            int keySize = plain.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(plain) : -1;
            if (keySize < 0 || keySize > plain.Length - 4 || !Encoding.UTF8.GetString(plain, 4, keySize).Equals(storageKey, StringComparison.Ordinal))
            {
                failure = UnprotectFailure.WrongKey;
                return false;
            }

            value = Encoding.UTF8.GetString(plain, 4 + keySize, plain.Length - 4 - keySize);
            failure = UnprotectFailure.None;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
