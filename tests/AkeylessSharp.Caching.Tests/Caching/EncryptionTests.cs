using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Caching.Internal;
using Microsoft.AspNetCore.DataProtection;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class EncryptionTests
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyB = RandomNumberGenerator.GetBytes(32);

    public static TheoryData<string> Protectors => new() { "aes", "dataprotection" };

    [Theory]
    [MemberData(nameof(Protectors))]
    public void RoundTrip_ReturnsTheValue_AndTheEnvelopeHidesIt(string kind)
    {
        var protector = Create(kind);
        byte[] envelope = protector.Protect("/db/password", "s3cr3t-välue");

        Assert.DoesNotContain("s3cr3t", Encoding.UTF8.GetString(envelope), StringComparison.Ordinal);
        Assert.True(protector.TryUnprotect("/db/password", envelope, out string? value, out var failure));
        Assert.Equal("s3cr3t-välue", value);
        Assert.Equal(UnprotectFailure.None, failure);
    }

    [Theory]
    [MemberData(nameof(Protectors))]
    public void AnyFlippedByte_IsRejected(string kind)
    {
        var protector = Create(kind);
        byte[] envelope = protector.Protect("/db/password", "s3cr3t");
        for (int i = 1; i < envelope.Length; i++)
        {
            byte[] tampered = (byte[])envelope.Clone();
            tampered[i] ^= 0x01;
            Assert.False(protector.TryUnprotect("/db/password", tampered, out string? value, out var failure));
            Assert.Null(value);
            Assert.NotEqual(UnprotectFailure.None, failure);
        }
    }

    [Theory]
    [MemberData(nameof(Protectors))]
    public void EntryMovedToAnotherKey_IsRejected(string kind)
    {
        var protector = Create(kind);
        byte[] envelope = protector.Protect("/app/a", "value-of-a");
        Assert.False(protector.TryUnprotect("/app/b", envelope, out _, out _));
    }

    [Theory]
    [MemberData(nameof(Protectors))]
    public void Truncated_Garbage_AndOtherFormats_AreRejected(string kind)
    {
        var protector = Create(kind);
        Assert.False(protector.TryUnprotect("/a", [], out _, out _));
        Assert.False(protector.TryUnprotect("/a", [0x00, 0x01, 0x02], out _, out var failure));
        Assert.Equal(UnprotectFailure.UnknownFormat, failure);
        Assert.False(protector.TryUnprotect("/a", Encoding.UTF8.GetBytes("plain text"), out _, out _));
    }

    [Theory]
    [MemberData(nameof(Protectors))]
    public void EnvelopesOfTheFormerFormats_AreToldApartFromTampering(string kind)
    {
        var protector = Create(kind);
        foreach (byte former in new byte[] { 0xA1, 0xA2 })
        {
            byte[] envelope = protector.Protect("/a", "v");
            envelope[0] = former;
            Assert.False(protector.TryUnprotect("/a", envelope, out string? value, out var failure));
            Assert.Null(value);
            Assert.Equal(UnprotectFailure.FormerFormat, failure);
        }
    }

    [Fact]
    public void RotatedKey_ReadsEntriesOfThePreviousKey_AndRejectsUnknownKeys()
    {
        var old = new AesGcmSecretProtector("k1", KeyA);
        byte[] envelope = old.Protect("/a", "v");

        var rotated = new AesGcmSecretProtector("k2", KeyB, new Dictionary<string, byte[]> { ["k1"] = KeyA });
        Assert.True(rotated.TryUnprotect("/a", envelope, out string? value, out _));
        Assert.Equal("v", value);

        var forgotten = new AesGcmSecretProtector("k2", KeyB);
        Assert.False(forgotten.TryUnprotect("/a", envelope, out _, out var failure));
        Assert.Equal(UnprotectFailure.UnknownKey, failure);
    }

    [Fact]
    public void SameKeyIdWithDifferentKey_IsRejectedAsTampered()
    {
        byte[] envelope = new AesGcmSecretProtector("k1", KeyA).Protect("/a", "v");
        Assert.False(new AesGcmSecretProtector("k1", KeyB).TryUnprotect("/a", envelope, out _, out var failure));
        Assert.Equal(UnprotectFailure.Tampered, failure);
    }

    private static SecretProtector Create(string kind) => kind == "aes"
        ? new AesGcmSecretProtector("k1", KeyA)
        : new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
}
