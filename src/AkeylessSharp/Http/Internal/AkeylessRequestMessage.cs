namespace AkeylessSharp.Http.Internal;

/// <summary>
/// A request with what the retry needs to know of the call's time, in fields rather than in
/// <see cref="HttpRequestMessage.Options"/> (a dictionary per request).
/// </summary>
internal sealed class AkeylessRequestMessage(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    /// <summary>What the request may take, from when it is sent: the least of TotalRequestTimeout and what is left of the call's Timeout.</summary>
    public TimeSpan Budget { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>When the resilient handler started sending it, on the handler's clock.</summary>
    public long SentAt { get; set; }

    /// <summary>The Retry-After the retry declined to wait for because it did not fit in <see cref="Budget"/>.</summary>
    public TimeSpan? DeclinedRetryAfter { get; set; }

    /// <summary>What is left of <see cref="Budget"/> at <paramref name="timeProvider"/>'s now.</summary>
    public TimeSpan Remaining(TimeProvider timeProvider) =>
        Budget == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Budget - timeProvider.GetElapsedTime(SentAt);
}
