namespace AkeylessSharp;

/// <summary>The configured access type has no authenticator in this client.</summary>
/// <param name="accessType">The access type that was asked for.</param>
/// <param name="message">What is supported instead.</param>
public sealed class AkeylessUnsupportedAccessTypeException(AkeylessAccessType accessType, string message)
    : AkeylessConfigurationException(message, nameof(AkeylessClientOptions.AccessType))
{
    /// <summary>The access type that was asked for.</summary>
    public AkeylessAccessType AccessType { get; } = accessType;
}
