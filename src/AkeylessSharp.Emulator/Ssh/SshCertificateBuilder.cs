using System.Security.Cryptography;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Ssh;

/// <summary>Builds an OpenSSH user certificate (PROTOCOL.certkeys, <c>*-cert-v01@openssh.com</c>).</summary>
internal static class SshCertificateBuilder
{
    private const uint UserCertificate = 1;

    // Name-sorted, as PROTOCOL.certkeys requires; the defaults ssh-keygen -s grants to user certificates.
    private static readonly string[] DefaultExtensions =
    [
        "permit-X11-forwarding", "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc",
    ];

    private static readonly HashSet<string> SupportedKeyTypes = new(StringComparer.Ordinal)
    {
        "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-dss",
    };

    /// <summary>Signs <paramref name="publicKeyText"/> (an authorized_keys line) and returns the certificate line.</summary>
    public static string Build(SshCaKey ca, string publicKeyText, IReadOnlyList<string> principals, string keyId, DateTimeOffset validAfter, DateTimeOffset validBefore)
    {
        var (keyType, keyBlob) = ParsePublicKey(publicKeyText);
        var reader = new SshReader(keyBlob);
        _ = reader.String(); // the key type, replaced by the certificate type
        var keyFields = reader.Remaining.ToArray();
        var certType = keyType + "-cert-v01@openssh.com";

        var principalsBlob = new SshWriter();
        foreach (var p in principals)
        {
            principalsBlob.String(p);
        }

        var extensions = new SshWriter();
        foreach (var e in DefaultExtensions)
        {
            extensions.String(e).String([]);
        }

        var body = new SshWriter()
            .String(certType)
            .String(RandomNumberGenerator.GetBytes(32))
            .Raw(keyFields)
            .UInt64(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)))
            .UInt32(UserCertificate)
            .String(keyId)
            .String(principalsBlob.ToArray())
            .UInt64((ulong)Math.Max(0, validAfter.ToUnixTimeSeconds()))
            .UInt64((ulong)Math.Max(0, validBefore.ToUnixTimeSeconds()))
            .String([]) // critical options
            .String(extensions.ToArray())
            .String([]) // reserved
            .String(ca.PublicKeyBlob())
            .ToArray();
        var signed = new SshWriter().Raw(body).String(ca.Sign(body)).ToArray();
        return $"{certType} {Convert.ToBase64String(signed)}";
    }

    private static (string Type, byte[] Blob) ParsePublicKey(string text)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !SupportedKeyTypes.Contains(parts[0]))
        {
            throw Errors.BadRequest("invalid value for parameter public-key-data: expected an OpenSSH public key line (e.g. 'ssh-ed25519 AAAA...')");
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
            var reader = new SshReader(blob);
            if (reader.Text() != parts[0])
            {
                throw new FormatException("key type mismatch");
            }
        }
        catch (FormatException)
        {
            throw Errors.BadRequest("invalid value for parameter public-key-data: the key data is not a valid OpenSSH public key");
        }

        return (parts[0], blob);
    }

    public static string KeyId(string issuer, string user) => $"akeyless-emulator:{issuer}:{user}";
}
