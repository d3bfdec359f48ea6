using System.Net;
using AkeylessSharp.Diagnostics.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// The retry pipeline and the per-attempt timeout (<see cref="ResilientSendHandler"/>), the same for the client built
/// with DI and without. Writes are marked in the request options and retried only when the server cannot have applied
/// them (429, connection failures). A <c>Retry-After</c> longer than what is left of the call's time is not waited for
/// (<see cref="RetryAfterBudget"/>).
/// </summary>
/// <remarks>
/// <see cref="AkeylessClientOptions.TotalRequestTimeout"/> is not a strategy here: it is the
/// <see cref="HttpClient.Timeout"/> of the client around this pipeline (<see cref="ApplyTotalTimeout"/>), which
/// covers every attempt and back-off and costs one timer on the token source <see cref="HttpClient"/> links anyway,
/// where an outer timeout strategy costs a second pooled source, a registration and a pipeline layer per request.
/// The attempt timeout is not a Polly strategy either but <see cref="AttemptTimeout"/>, inside the attempt, with the
/// same outcome (<see cref="TimeoutRejectedException"/>) and one pipeline layer and its state machines fewer.
/// </remarks>
internal static class AkeylessResilience
{
    /// <summary>Set to <see langword="false"/> on requests that must not be replayed after a 5xx or a timeout.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("AkeylessSharp.Idempotent");

    /// <summary>
    /// The handler that runs each request through the retry pipeline, each attempt under <see cref="AkeylessClientOptions.AttemptTimeout"/>
    /// with its body read inside it; <paramref name="telemetry"/> configures Polly's own telemetry (DI) or leaves it off.
    /// </summary>
    public static ResilientSendHandler CreateHandler(
        AkeylessClientOptions options, TimeProvider timeProvider, ILogger? logger = null, Action<ResiliencePipelineBuilder<HttpResponseMessage>>? telemetry = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        telemetry?.Invoke(builder);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context) && !RetryAfterBudget.Declines(args.Outcome.Result, args.Context.GetRequestMessage(), timeProvider)),
                OnRetry = new RetryTelemetry(logger ?? NullLogger.Instance, options.MaxRetries).OnRetry,
            });
        }

        return new ResilientSendHandler(builder.Build(), options.AttemptTimeout, options.MaxResponseSize, timeProvider);
    }

    /// <summary>Sets the limit on one request, all its retries included, on the client that sends through the pipeline.</summary>
    public static void ApplyTotalTimeout(HttpClient client, AkeylessClientOptions options) => client.Timeout = options.TotalRequestTimeout;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        // A limit of this client (MaxResponseHeadersLength, a response buffer) is met again by the same answer.
        if (!HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded })
        {
            return false;
        }

        var request = context.GetRequestMessage();
        if (request is null || !request.Options.TryGetValue(Idempotent, out var idempotent) || idempotent)
        {
            return true;
        }

        // A write may already be applied after a 5xx or a timeout; it is safe to replay only when the
        // server rejected it unprocessed (429) or no connection was made.
        return outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
            || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
    }

    /// <summary>Whether <paramref name="exception"/> is an attempt timeout or <see cref="HttpClient.Timeout"/> elapsing.</summary>
    public static bool IsTimeout(Exception exception) =>
        exception is TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException };
}
