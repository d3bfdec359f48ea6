namespace AkeylessSharp;

/// <summary>The outcome of <see cref="IAkeylessClient.TestConnectionAsync"/>.</summary>
/// <param name="Success">Whether Akeyless answered an authorized call just now (a cached token alone is not enough).</param>
/// <param name="Message">What happened, or why it failed and what to check.</param>
public sealed record ConnectionTestResult(bool Success, string Message)
{
    /// <summary>What happened, or why it failed and what to check.</summary>
    public string Message { get; init; } = Message ?? throw new ArgumentNullException(nameof(Message));

    /// <summary>The failure, typed (for example <see cref="AkeylessUnauthorizedException"/>), when <see cref="Success"/> is false.</summary>
    public AkeylessException? Error { get; init; }

    /// <summary>
    /// When the client's cache last answered a read with a stale value because Akeyless failed (stale-if-error);
    /// <see langword="null"/> when it never has, or has no cache.
    /// </summary>
    public DateTimeOffset? LastStaleValueServedAt { get; init; }
}
