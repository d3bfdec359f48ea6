using System.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Reports each retry the resilience pipeline schedules: one Warning naming the command, the attempt, the delay and the
/// reason (Debug when the caller reports the outcome itself), and an <c>akeyless.retry</c> event on the call's span. Used by every pipeline the client builds, with DI or without.
/// </summary>
internal sealed class RetryTelemetry(ILogger logger, int maxRetries)
{
    public ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var retry = args.AttemptNumber + 1;
        var reason = args.Outcome.Exception is { } exception
            ? ErrorTypes.Of(exception)
            : args.Outcome.Result is { } response ? ErrorTypes.Of(response.StatusCode) : "_OTHER";

        // A caller that reports the call's outcome itself (a connection test) gets one Warning, not one per retry as well.
        var level = FailuresReportedByCaller.IsSet ? LogLevel.Debug : LogLevel.Warning;
        if (logger.IsEnabled(level))
        {
            Log.RetryScheduled(logger, level, CommandOf(args.Context), reason, retry, maxRetries, args.RetryDelay.TotalMilliseconds);
        }

        // Only our own span: without a listener on AkeylessSharp the current activity is someone else's.
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, AkeylessTelemetry.ActivitySource))
        {
            activity.AddEvent(new ActivityEvent(SemanticConventions.RetryEvent, tags: new ActivityTagsCollection
            {
                [SemanticConventions.ResendCount] = retry,
                [SemanticConventions.RetryDelay] = args.RetryDelay.TotalSeconds,
                [SemanticConventions.ErrorType] = reason,
            }));
            activity.SetTag(SemanticConventions.ResendCount, retry);
        }

        return ValueTask.CompletedTask;
    }

    private static string CommandOf(ResilienceContext context) =>
        context.GetRequestMessage()?.RequestUri is { } uri ? uri.Segments[^1] : "request";
}
