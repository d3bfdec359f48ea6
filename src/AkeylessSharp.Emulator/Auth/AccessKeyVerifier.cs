using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary><c>access_key</c>: the access key must equal the one configured for the access id.</summary>
internal sealed class AccessKeyVerifier : IAuthVerifier
{
    public string AccessType => "access_key";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var key = request.Body.RequiredString("access-key");
        return Matches(method, key) ? method : throw Errors.AuthFailed("invalid access key");
    }

    public static bool Matches(AuthMethodSeed method, string key) =>
        method.AccessKey is { } expected
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(key));
}
