using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// <c>cert</c>: the client certificate (base64 PEM) must chain to the method's CA and be valid now; possession of
/// its key is proven either by <c>key-data</c> (base64 PEM private key) or by <c>signed-cert-challenge</c>,
/// the signature (RSA PKCS#1 / ECDSA, SHA-256) of a <c>cert-challenge</c> obtained from <c>get-cert-challenge</c>.
/// </summary>
internal sealed class CertVerifier : IAuthVerifier
{
    public string AccessType => "cert";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        using var cert = LoadClientCertificate(request, method);
        if (request.Body.String("key-data") is { Length: > 0 } keyData)
        {
            ProveWithKey(cert, Encoding.UTF8.GetString(AuthRequest.DecodeBase64(keyData, "key-data")));
        }
        else if (request.Body.String("signed-cert-challenge") is { Length: > 0 } signed)
        {
            var challenge = request.Body.RequiredString("cert-challenge");
            if (!request.State.Challenges.TryConsume(challenge))
            {
                throw Errors.AuthFailed("unknown, used or expired cert-challenge");
            }

            ProveWithSignature(cert, Encoding.UTF8.GetBytes(challenge), AuthRequest.DecodeBase64(signed, "signed-cert-challenge"));
        }
        else
        {
            throw Errors.MissingParameter("key-data");
        }

        return method;
    }

    /// <summary>Decodes <c>cert-data</c> and checks it chains to the CA of <paramref name="method"/> at the emulator's time.</summary>
    public static X509Certificate2 LoadClientCertificate(AuthRequest request, AuthMethodSeed method)
    {
        var pem = Encoding.UTF8.GetString(AuthRequest.DecodeBase64(request.Body.RequiredString("cert-data"), "cert-data"));
        X509Certificate2 cert;
        try
        {
            cert = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            throw Errors.BadRequest("invalid value for parameter cert-data: not a PEM certificate");
        }

        var caPem = method.Cert?.CaCertificatePem ?? throw Errors.AuthFailed($"auth method {method.Name} has no CA configured");
        var cas = new X509Certificate2Collection();
        cas.ImportFromPem(caPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = request.Now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        var ok = chain.Build(cert);
        foreach (var c in cas)
        {
            c.Dispose();
        }

        if (!ok)
        {
            var reason = string.Join("; ", chain.ChainStatus.Select(s => s.Status.ToString()));
            cert.Dispose();
            throw Errors.AuthFailed($"the client certificate does not chain to the trusted CA or is not valid now ({reason})");
        }

        return cert;
    }

    private static void ProveWithKey(X509Certificate2 cert, string keyPem)
    {
        try
        {
            using var withKey = X509Certificate2.CreateFromPem(cert.ExportCertificatePem(), keyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Errors.AuthFailed("key-data does not match the client certificate");
        }
    }

    private static void ProveWithSignature(X509Certificate2 cert, byte[] challenge, byte[] signature)
    {
        using var rsa = cert.GetRSAPublicKey();
        using var ec = cert.GetECDsaPublicKey();
        var ok = rsa?.VerifyData(challenge, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ?? ec?.VerifyData(challenge, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation) == true
            || ec?.VerifyData(challenge, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) == true;
        if (!ok)
        {
            throw Errors.AuthFailed("signed-cert-challenge does not verify with the client certificate's key");
        }
    }
}
