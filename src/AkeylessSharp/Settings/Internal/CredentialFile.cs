using System.Text;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Reads a certificate or key file named by a setting: its text (PEM, or base64 of it), or, for a binary file (DER),
/// base64 of its bytes, which certificate authentication takes as DER. Compiled into the CLI too.
/// </summary>
internal static class CredentialFile
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return IsText(bytes, out var text) ? text : Convert.ToBase64String(bytes);
    }

    private static bool IsText(byte[] bytes, out string text)
    {
        text = string.Empty;
        if (Array.Exists(bytes, static b => b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')))
        {
            return false;
        }

        try
        {
            text = s_strictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
