namespace AkeylessSharp;

/// <summary>How <see cref="AkeylessClient.InvokeAsync"/> sends a command the client does not wrap.</summary>
public sealed class AkeylessCommandOptions
{
    /// <summary>
    /// Whether the command only reads, so it is safe to send again after a server error or a timeout. When
    /// <see langword="false"/>, it is retried only when the service cannot have run it (429, no connection), like a write.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Idempotent { get; init; }

    /// <summary>Whether the client's API token is added as <c>token</c> (unless the body already holds <c>token</c> or <c>uid-token</c>).</summary>
    /// <value>The default is <see langword="true"/>; set <see langword="false"/> for commands that authenticate themselves.</value>
    public bool SendToken { get; init; } = true;

    /// <summary>
    /// A limit on this call, authentication and retries included: positive and at most a day, or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>; <see langword="null"/> uses <see cref="AkeylessClientOptions.Timeout"/>.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
