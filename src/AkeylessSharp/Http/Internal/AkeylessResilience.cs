using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// The retry and timeout pipeline, configured identically for the DI handler (<c>AddResilienceHandler</c>)
/// and the handler built without DI. Writes are marked in the request options and retried only when the
/// server cannot have applied them (429, connection failures).
/// </summary>
internal static class AkeylessResilience
{
    public const string PipelineName = "akeyless";

    /// <summary>Set to <see langword="false"/> on requests that must not be replayed after a 5xx or a timeout.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("AkeylessSharp.Idempotent");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, AkeylessClientOptions options)
    {
        builder.AddTimeout(options.TotalRequestTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = static args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    public static ResiliencePipeline<HttpResponseMessage> Build(AkeylessClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        Configure(builder, options);
        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
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

    public static bool IsTimeout(Exception exception) => exception is TimeoutRejectedException;
}
