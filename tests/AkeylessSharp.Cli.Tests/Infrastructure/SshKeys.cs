using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>An ECDSA P-256 CA key for the emulator's SSH issuer and a user public key in OpenSSH format.</summary>
internal static class SshKeys
{
    public static readonly Lazy<string> CaPrivateKeyPem = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    });

    public static string NewUserPublicKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        using var blob = new MemoryStream();
        WriteString(blob, Encoding.ASCII.GetBytes("ecdsa-sha2-nistp256"));
        WriteString(blob, Encoding.ASCII.GetBytes("nistp256"));
        WriteString(blob, [0x04, .. q.X!, .. q.Y!]);
        return "ecdsa-sha2-nistp256 " + Convert.ToBase64String(blob.ToArray()) + " tester@cli";
    }

    private static void WriteString(Stream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        stream.Write(length);
        stream.Write(value);
    }
}
