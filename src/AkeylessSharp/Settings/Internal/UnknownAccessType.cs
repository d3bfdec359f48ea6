namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// The error for an access type this client does not know. The value is quoted only when it is another of Akeyless's own
/// access types: any other text may be a credential written under the wrong key (<c>access_type</c> and
/// <c>access_key</c> differ by one word).
/// </summary>
internal static class UnknownAccessType
{
    private static readonly HashSet<string> s_otherAkeylessTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "ldap", "oidc", "oci", "kerberos", "email",
    };

    /// <param name="source">The key or variable the value came from, such as <c>access_type</c>.</param>
    /// <param name="value">The value given.</param>
    public static AkeylessConfigurationException Error(string source, string value) => new(
        s_otherAkeylessTypes.Contains(value.Trim())
            ? $"{source} '{value.Trim()}' is not supported by this client. Allowed: {AkeylessAccessTypeNames.AllowedNames}."
            : $"{source} is not an Akeyless access type (its value is not shown: it may be a credential set under the wrong name). Allowed: {AkeylessAccessTypeNames.AllowedNames}.",
        nameof(AkeylessClientOptions.AccessType));
}
