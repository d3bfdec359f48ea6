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

    /// <summary><paramref name="text"/> with every secret field's value of the JSON <paramref name="sentBody"/>, as sent (escaped), as read, or as its base64 decodes, replaced.</summary>
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
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("args") && reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    ScrubArguments(ref reader, ref text);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && IsSecretField(ref reader) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    var value = reader.GetString();
                    if (!TryReplace(ref text, value) || !TryReplace(ref text, Encoding.UTF8.GetString(reader.ValueSpan)) || !TryReplaceNested(ref text, value))
                    {
                        return Withheld;
                    }

                    ReplaceDecoded(ref text, value);
                }
            }
        }
        catch (JsonException)
        {
            // The client wrote this body; whatever it redacted before a flaw in it stays redacted.
        }

        return text;
    }

    /// <summary>
    /// A producer's or rotator's <c>key=value</c> arguments, whose values the caller may have meant as secret: each one long
    /// enough to replace is. A short one stays (a region such as <c>eu</c> would otherwise withhold most messages).
    /// </summary>
    private static void ScrubArguments(ref Utf8JsonReader reader, ref string text)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            var argument = reader.GetString()!;
            text = Replace(text, argument);
            if (argument.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0)
            {
                text = Replace(text, argument[(equals + 1)..]);
            }
        }
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

    /// <summary>
    /// The strings inside a value that is itself JSON (the SAML CLI's stored credentials, sent whole as <c>creds</c>),
    /// which a service may quote alone. False when the text holds one too short to replace.
    /// </summary>
    private static bool TryReplaceNested(ref string text, string? value)
    {
        if (value is null || value.AsSpan().TrimStart() is not ['{' or '[', ..])
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            return TryReplaceStrings(ref text, document.RootElement);
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // a string escaping half a surrogate pair: not text, so not replaceable; withhold
        }
    }

    private static bool TryReplaceStrings(ref string text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryReplace(ref text, element.GetString()) && TryReplace(ref text, element.GetRawText()[1..^1]);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryReplaceStrings(ref text, property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!TryReplaceStrings(ref text, item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The text a base64 value decodes to (the k8s service-account token, the PEM of key-data, the cloud id), which a Gateway
    /// that decoded it may quote: whole, trimmed, and line by line (a PEM's body lines); lines too short to matter stay.
    /// </summary>
    private static void ReplaceDecoded(ref string text, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < MinSecretLength || !System.Buffers.Text.Base64.IsValid(value))
        {
            return;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(value));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return;
        }

        text = Replace(Replace(text, decoded), decoded.Trim());
        foreach (var line in decoded.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            text = Replace(text, line);
        }
    }

    private static string Replace(string text, string secret) =>
        secret.Length < MinSecretLength ? text : text.Replace(secret, Redacted, StringComparison.Ordinal);

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
