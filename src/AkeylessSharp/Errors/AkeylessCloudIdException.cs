namespace AkeylessSharp;

/// <summary>
/// No cloud identity could be obtained for <c>aws_iam</c>, <c>azure_ad</c> or <c>gcp</c> authentication: no credential
/// was found, or the cloud refused to issue a token. The message names what was searched and how to fix it; it never
/// contains a key or a token. Nothing was sent to Akeyless.
/// </summary>
public sealed class AkeylessCloudIdException : AkeylessException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="accessType">The cloud access type whose identity was asked for.</param>
    /// <param name="message">What was searched and how to fix it; never a secret.</param>
    /// <param name="innerException">The cloud SDK's own error.</param>
    public AkeylessCloudIdException(AkeylessAccessType accessType, string message, Exception? innerException = null)
        : base(message, command: "auth", innerException: innerException)
    {
        AccessType = accessType;
    }

    /// <summary>The cloud access type whose identity was asked for.</summary>
    public AkeylessAccessType AccessType { get; }
}
