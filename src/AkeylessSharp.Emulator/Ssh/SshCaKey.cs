using System.Security.Cryptography;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Ssh;

/// <summary>An SSH CA signing key (RSA or ECDSA) loaded from PKCS#8/PKCS#1/SEC1 PEM or an unencrypted OpenSSH private key.</summary>
internal sealed class SshCaKey : IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    private SshCaKey(RSA? rsa, ECDsa? ecdsa)
    {
        _rsa = rsa;
        _ecdsa = ecdsa;
    }

    public static SshCaKey Load(string pem, string issuerName)
    {
        try
        {
            return pem.Contains("OPENSSH PRIVATE KEY", StringComparison.Ordinal) ? OpenSshKeyParser.Parse(pem) : FromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"The CA private key of SSH issuer '{issuerName}' cannot be loaded: {e.Message}", e);
        }
    }

    public static SshCaKey FromRsa(RSA rsa) => new(rsa, null);

    public static SshCaKey FromEcdsa(ECDsa ecdsa) => new(null, ecdsa);

    private static SshCaKey FromPem(string pem)
    {
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new SshCaKey(null, ec);
        }

        if (pem.Contains("RSA PRIVATE KEY", StringComparison.Ordinal))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new SshCaKey(rsa, null);
        }

        // PKCS#8: try RSA, then ECDSA.
        var r = RSA.Create();
        try
        {
            r.ImportFromPem(pem);
            return new SshCaKey(r, null);
        }
        catch (CryptographicException)
        {
            r.Dispose();
        }

        var e = ECDsa.Create();
        e.ImportFromPem(pem);
        return new SshCaKey(null, e);
    }

    /// <summary>The CA public key in SSH wire format (the certificate's "signature key").</summary>
    public byte[] PublicKeyBlob()
    {
        if (_rsa is not null)
        {
            var p = _rsa.ExportParameters(false);
            return new SshWriter().String("ssh-rsa").MPInt(p.Exponent).MPInt(p.Modulus).ToArray();
        }

        var (name, curve) = CurveNames(_ecdsa!);
        var q = _ecdsa!.ExportParameters(false).Q;
        return new SshWriter().String(name).String(curve).String([0x04, .. q.X!, .. q.Y!]).ToArray();
    }

    /// <summary>Signs <paramref name="data"/> and returns the SSH signature blob (algorithm name + signature).</summary>
    public byte[] Sign(byte[] data)
    {
        if (_rsa is not null)
        {
            var sig = _rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
            return new SshWriter().String("rsa-sha2-512").String(sig).ToArray();
        }

        var (name, _) = CurveNames(_ecdsa!);
        var hash = _ecdsa!.KeySize switch { 256 => HashAlgorithmName.SHA256, 384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        var raw = _ecdsa.SignData(data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var half = raw.Length / 2;
        var inner = new SshWriter().MPInt(raw.AsSpan(0, half)).MPInt(raw.AsSpan(half)).ToArray();
        return new SshWriter().String(name).String(inner).ToArray();
    }

    private static (string Name, string Curve) CurveNames(ECDsa ecdsa) => ecdsa.KeySize switch
    {
        256 => ("ecdsa-sha2-nistp256", "nistp256"),
        384 => ("ecdsa-sha2-nistp384", "nistp384"),
        521 => ("ecdsa-sha2-nistp521", "nistp521"),
        _ => throw Errors.BadRequest("unsupported ECDSA curve for the SSH CA key"),
    };

    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }

    public override string ToString() => _rsa is null ? "ECDSA SSH CA key" : "RSA SSH CA key";
}
