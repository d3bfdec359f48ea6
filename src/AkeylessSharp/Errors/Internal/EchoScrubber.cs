using System.Text;
using System.Text.Json;

namespace AkeylessSharp.Errors.Internal;

/// <summary>
/// Removes from a service's error text the secrets the request carried (credential, token, secret value), for a proxy
/// or Gateway that quotes the request it rejects: the text goes into an exception message.
/// </summary>
internal static class EchoScrubber
{
    private const string Redacted = "***";

    /// <summary>What stands for the whole text when it holds a secret too short to replace alone.</summary>
    public const string Withheld = "(withheld: the text quotes a value the request carried)";

    // Shorter values are not replaced where they appear ("abc" would garble every word holding it): a text holding one
    // is withheld whole.
    private const int MinSecretLength = 6;

    // creds: the CLI's raw credentials that static-creds-auth exchanges; the others: credentials /auth takes for its
    // access types, which a caller may send through InvokeAsync.
    private static readonly string[] s_secretFields =
        ["access-key", "token", "uid-token", "jwt", "k8s-service-account-token", "cloud-id", "key-data", "value", "password",
         "creds", "admin-password", "ldap-password", "keytab-data"];

    /// <summary><paramref name="text"/> with every secret field's value of the JSON <paramref name="sentBody"/>, as sent (escaped) or as read, replaced.</summary>
    public static string Scrub(string text, ReadOnlySpan<byte> sentBody)
    {
        if (sentBody.IsEmpty)
        {
            return text;
        }

        var reader = new Utf8JsonReader(sentBody);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && IsSecretField(ref reader) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    if (!TryReplace(ref text, reader.GetString()) || !TryReplace(ref text, Encoding.UTF8.GetString(reader.ValueSpan)))
                    {
                        return Withheld;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The client wrote this body; whatever it redacted before a flaw in it stays redacted.
        }

        return text;
    }

    private static bool IsSecretField(ref Utf8JsonReader reader)
    {
        foreach (var field in s_secretFields)
        {
            if (reader.ValueTextEquals(field))
            {
                return true;
            }
        }

        return false;
    }

    // False when the text holds a secret too short to replace.
    private static bool TryReplace(ref string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return true;
        }

        if (secret.Length < MinSecretLength)
        {
            return !text.Contains(secret, StringComparison.Ordinal);
        }

        text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        return true;
    }
}
