using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Emulator.Ssh;

/// <summary>Parses an unencrypted <c>openssh-key-v1</c> private key (RSA or ECDSA) per OpenSSH's PROTOCOL.key.</summary>
internal static class OpenSshKeyParser
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("openssh-key-v1\0");

    public static SshCaKey Parse(string pem)
    {
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        var data = Convert.FromBase64String(string.Concat(lines));
        if (!data.AsSpan().StartsWith(Magic))
        {
            throw new FormatException("not an openssh-key-v1 private key");
        }

        var reader = new SshReader(data.AsSpan(Magic.Length));
        var cipher = reader.Text();
        _ = reader.String(); // kdf name
        _ = reader.String(); // kdf options
        if (cipher != "none")
        {
            throw new FormatException("encrypted OpenSSH private keys are not supported; remove the passphrase (ssh-keygen -p)");
        }

        if (reader.UInt32() != 1)
        {
            throw new FormatException("only single-key OpenSSH private key files are supported");
        }

        _ = reader.String(); // public key
        var priv = new SshReader(reader.String());
        if (priv.UInt32() != priv.UInt32())
        {
            throw new FormatException("corrupt OpenSSH private key (check ints differ)");
        }

        var type = priv.Text();
        return type switch
        {
            "ssh-rsa" => ReadRsa(ref priv),
            "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" => ReadEcdsa(ref priv),
            _ => throw new FormatException($"unsupported SSH CA key type {type} (use RSA or ECDSA)"),
        };
    }

    private static SshCaKey ReadRsa(ref SshReader r)
    {
        var n = r.MPInt();
        var e = r.MPInt();
        var d = r.MPInt();
        var iqmp = r.MPInt();
        var p = r.MPInt();
        var q = r.MPInt();
        var dBig = new System.Numerics.BigInteger(d, isUnsigned: true, isBigEndian: true);
        var dp = (dBig % (new System.Numerics.BigInteger(p, isUnsigned: true, isBigEndian: true) - 1)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var dq = (dBig % (new System.Numerics.BigInteger(q, isUnsigned: true, isBigEndian: true) - 1)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var half = (n.Length + 1) / 2;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = n,
            Exponent = e,
            D = Pad(d, n.Length),
            P = Pad(p, half),
            Q = Pad(q, half),
            DP = Pad(dp, half),
            DQ = Pad(dq, half),
            InverseQ = Pad(iqmp, half),
        });
        return SshCaKey.FromRsa(rsa);
    }

    private static SshCaKey ReadEcdsa(ref SshReader r)
    {
        var curveName = r.Text();
        var q = r.String();
        var d = r.MPInt();
        var curve = curveName switch
        {
            "nistp256" => ECCurve.NamedCurves.nistP256,
            "nistp384" => ECCurve.NamedCurves.nistP384,
            _ => ECCurve.NamedCurves.nistP521,
        };
        var size = (q.Length - 1) / 2;
        var ec = ECDsa.Create();
        ec.ImportParameters(new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = q.Slice(1, size).ToArray(), Y = q.Slice(1 + size, size).ToArray() },
            D = Pad(d, size),
        });
        return SshCaKey.FromEcdsa(ec);
    }

    private static byte[] Pad(byte[] value, int length) =>
        value.Length >= length ? value[^length..] : [.. new byte[length - value.Length], .. value];
}
