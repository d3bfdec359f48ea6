namespace AkeylessSharp.Auth;

/// <summary>An API token (<c>t-...</c>) and when it stops working. <see cref="ToString"/> hides the token.</summary>
/// <param name="Value">The token sent as <c>token</c> on every command. Secret.</param>
/// <param name="ExpiresAt">When the service stops accepting it.</param>
public readonly record struct AkeylessToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>The token sent as <c>token</c> on every command. Secret.</summary>
    public string Value { get; init; } = Value ?? throw new ArgumentNullException(nameof(Value));

    /// <summary>Describes the token without its value.</summary>
    /// <returns>The expiry only.</returns>
    public override string ToString() => $"AkeylessToken {{ Value = ***, ExpiresAt = {ExpiresAt:O} }}";
}
