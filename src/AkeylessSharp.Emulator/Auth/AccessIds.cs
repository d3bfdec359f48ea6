using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>Access id format helpers: <c>p-</c> + 14 alphanumerics, the 2nd-to-last naming the access type (as dapr reads it).</summary>
internal static class AccessIds
{
    public const string DefaultAccessId = "p-akeylessemu1a0";
    public const string DefaultAccessKey = "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=";
    public const string DefaultMethodName = "/emulator/dev-access-key";
    public const string DefaultRoleName = "emulator-admin";

    private static readonly Dictionary<string, char> TypeLetters = new(StringComparer.Ordinal)
    {
        ["access_key"] = 'a',
        ["jwt"] = 'o',
        ["aws_iam"] = 'w',
        ["k8s"] = 'k',
        ["cert"] = 'c',
        ["azure_ad"] = 'z',
        ["gcp"] = 'g',
        ["universal_identity"] = 'u',
    };

    /// <summary>Derives a stable access id from the method name, so seeds need not invent one.</summary>
    public static string Derive(string methodName, string accessType)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(methodName));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder("p-", 16);
        for (var i = 0; i < 12; i++)
        {
            sb.Append(alphabet[hash[i] % alphabet.Length]);
        }

        sb.Append(TypeLetters.GetValueOrDefault(accessType, 'x'));
        sb.Append(alphabet[hash[12] % alphabet.Length]);
        return sb.ToString();
    }
}
