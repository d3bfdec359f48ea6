namespace AkeylessSharp;

/// <summary>The outcome of <see cref="IAkeylessClient.TestConnectionAsync"/>.</summary>
/// <param name="Success">Whether authentication succeeded.</param>
/// <param name="Message">What happened, or why it failed and what to check.</param>
public sealed record ConnectionTestResult(bool Success, string Message)
{
    /// <summary>The failure, typed (for example <see cref="AkeylessUnauthorizedException"/>), when <see cref="Success"/> is false.</summary>
    public AkeylessException? Error { get; init; }
}
