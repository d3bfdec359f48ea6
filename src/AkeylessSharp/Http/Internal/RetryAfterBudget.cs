using System.Net.Http.Headers;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Whether a <c>Retry-After</c> fits in what is left of the request's time. A wait that cannot end before the call's
/// timeout would only stall the caller and then fail as a timeout; declined, the call fails at once with the service's
/// answer and the wait it asked for.
/// </summary>
internal static class RetryAfterBudget
{
    /// <summary>Returns <see langword="true"/> and records the wait on the request when <paramref name="response"/> asks for more than is left.</summary>
    public static bool Declines(HttpResponseMessage? response, HttpRequestMessage? request, TimeProvider timeProvider)
    {
        if (request is not AkeylessRequestMessage akeylessRequest || WaitOf(response?.Headers.RetryAfter, timeProvider) is not { } wait)
        {
            return false;
        }

        var remaining = akeylessRequest.Remaining(timeProvider);
        if (remaining == Timeout.InfiniteTimeSpan || wait < remaining)
        {
            return false;
        }

        akeylessRequest.DeclinedRetryAfter = wait;
        return true;
    }

    private static TimeSpan? WaitOf(RetryConditionHeaderValue? retryAfter, TimeProvider timeProvider) => retryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };
}
