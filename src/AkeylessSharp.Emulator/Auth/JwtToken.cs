using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>A compact JWS (header.payload.signature) with signature and claim checks; failures are 401s.</summary>
internal sealed class JwtToken
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds() + 86_400;
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 86_400;
    private readonly byte[] _signingInput;
    private readonly byte[] _signature;

    private JwtToken(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        _signingInput = signingInput;
        _signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    public string? Algorithm => Header.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;

    public static JwtToken Parse(string token, string what)
    {
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            throw Errors.AuthFailed($"{what} is not a JWT (expected header.payload.signature)");
        }

        try
        {
            var header = JsonInput.Parse(AuthRequest.DecodeBase64(parts[0], what), problem => Errors.AuthFailed($"{what} header: {problem}"));
            var payload = JsonInput.Parse(AuthRequest.DecodeBase64(parts[1], what), problem => Errors.AuthFailed($"{what} payload: {problem}"));
            if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            {
                throw Errors.AuthFailed($"{what} is not a JWT (header and payload must be JSON objects)");
            }

            return new JwtToken(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), AuthRequest.DecodeBase64(parts[2], what));
        }
        catch (CommandException e) when (e.StatusCode == 400)
        {
            throw Errors.AuthFailed($"{what} is not a JWT ({e.Message})");
        }
    }

    public string? Claim(string name) => Payload.TryGetProperty(name, out var v)
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
        : null;

    public bool HasAudience(string audience) =>
        Payload.TryGetProperty("aud", out var aud) && (aud.ValueKind == JsonValueKind.String
            ? aud.GetString() == audience
            : aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == audience));

    /// <summary>Checks <c>exp</c> (required) and <c>nbf</c> against the emulator clock, with 60 s of skew.</summary>
    public void CheckLifetime(DateTimeOffset now, string what)
    {
        var exp = NumericClaim("exp") ?? throw Errors.AuthFailed($"{what} has no exp claim");
        if (now > DateTimeOffset.FromUnixTimeSeconds(exp) + ClockSkew)
        {
            throw Errors.AuthFailed($"{what} has expired");
        }

        if (NumericClaim("nbf") is { } nbf && now + ClockSkew < DateTimeOffset.FromUnixTimeSeconds(nbf))
        {
            throw Errors.AuthFailed($"{what} is not valid yet (nbf)");
        }
    }

    /// <summary>True when any of <paramref name="keys"/> verifies the signature with the header's algorithm.</summary>
    public bool VerifySignature(IEnumerable<AsymmetricAlgorithm> keys)
    {
        var alg = Algorithm ?? "";
        if (alg.Length != 5)
        {
            return false;
        }

        HashAlgorithmName hash = alg[^3..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        foreach (var key in keys)
        {
            var ok = (alg[..2], key) switch
            {
                ("RS", RSA rsa) => rsa.VerifyData(_signingInput, _signature, hash, RSASignaturePadding.Pkcs1),
                ("PS", RSA rsa) => rsa.VerifyData(_signingInput, _signature, hash, RSASignaturePadding.Pss),
                ("ES", ECDsa ec) => ec.VerifyData(_signingInput, _signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => false,
            };
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a NumericDate claim, clamped to the dates <see cref="DateTimeOffset"/> can hold (<c>1e20</c> is simply far away).</summary>
    private long? NumericClaim(string name)
    {
        if (!Payload.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || double.IsNaN(d))
        {
            return null;
        }

        return (long)Math.Clamp(d, MinUnixSeconds, MaxUnixSeconds);
    }
}
