using System.Text;

namespace AkeylessSharp.CloudId.Internal;

/// <summary>The base64 layer every cloud id shares: standard alphabet, padded, of the UTF-8 text.</summary>
internal static class CloudIdEncoding
{
    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
