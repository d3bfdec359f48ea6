using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// One logical API call (token, re-authentication and retries included): its span, its log line and its two metric
/// points. The caller reports the end with <see cref="Succeeded"/> or, from an exception filter, <see cref="Failed"/>.
/// </summary>
/// <remarks>
/// Spans follow the OpenTelemetry client-span conventions: named <c>akeyless {command}</c>, kind client,
/// <c>server.address</c>, <c>server.port</c>, <c>error.type</c> and status Error on failure, an <c>exception</c> event.
/// </remarks>
internal sealed class CommandScope : IDisposable
{
    private readonly CommandTelemetry _telemetry;
    private readonly string _command;
    private readonly string? _path;
    private readonly int _pathCount;
    private readonly bool _failuresLoggedElsewhere;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;
    private string? _errorType = "_OTHER";

    public CommandScope(CommandTelemetry telemetry, string command, string? path, int pathCount, bool failuresLoggedElsewhere)
    {
        _telemetry = telemetry;
        _command = command;
        _path = path;
        _pathCount = pathCount;
        _failuresLoggedElsewhere = failuresLoggedElsewhere;
        _activity = AkeylessTelemetry.ActivitySource.HasListeners()
            ? AkeylessTelemetry.ActivitySource.StartActivity(SpanNames.For(command), ActivityKind.Client)
            : null;
        if (_activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(SemanticConventions.ServerAddress, telemetry.ServerAddress);
            activity.SetTag(SemanticConventions.ServerPort, telemetry.ServerPort);
            activity.SetTag(SemanticConventions.Command, command);
            if (path is not null && telemetry.IncludePaths)
            {
                activity.SetTag(SemanticConventions.Path, path);
            }

            if (pathCount > 1)
            {
                activity.SetTag(SemanticConventions.PathCount, pathCount);
            }
        }
    }

    /// <summary>What the logs name: the path, "N paths" for a batch, or the server for commands without a path.</summary>
    private string Target => _path ?? (_pathCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"{_pathCount} paths") : _telemetry.ServerAddress);

    public void Succeeded()
    {
        _errorType = null;
        if (_telemetry.Logger.IsEnabled(LogLevel.Debug))
        {
            Log.CommandSucceeded(_telemetry.Logger, _command, Target, Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        }
    }

    /// <summary>Records <paramref name="exception"/> as the call's end; always <see langword="false"/>, for use as an exception filter.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="loggedElsewhere">Whether it was logged where it happened (an authentication the call waited for: event 201).</param>
    public bool Failed(Exception exception, bool loggedElsewhere = false)
    {
        if (exception is AkeylessNotFoundException && ExpectedNotFound.IsSet)
        {
            _errorType = null;
            _activity?.SetTag(SemanticConventions.HttpStatusCode, 404);
            Log.ItemAbsent(_telemetry.Logger, _command, Target);
            return false;
        }

        _errorType = ErrorTypes.Of(exception);
        if (_activity is { } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, _errorType);
            activity.SetTag(SemanticConventions.ErrorType, _errorType);
            if (exception is AkeylessException { StatusCode: { } status })
            {
                activity.SetTag(SemanticConventions.HttpStatusCode, (int)status);
            }

            AddExceptionEvent(activity, exception);
        }

        LogFailure(exception, loggedElsewhere);
        return false;
    }

    /// <summary>Marks a token rejected mid-call and replaced: visible on the span as an event, not as a failure.</summary>
    public void ReAuthenticated() => _activity?.AddEvent(new ActivityEvent(SemanticConventions.ReAuthenticationEvent));

    public void Dispose()
    {
        AkeylessTelemetry.RecordRequest(_command, _errorType, _telemetry, _started);
        _activity?.Dispose();
    }

    private void AddExceptionEvent(Activity activity, Exception exception)
    {
        if (_telemetry.IncludePaths)
        {
            activity.AddException(exception);
            return;
        }

        // The message names the path: without paths the event says only what kind of failure it was.
        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = exception.GetType().FullName }));
    }

    private void LogFailure(Exception exception, bool loggedElsewhere)
    {
        var logger = _telemetry.Logger;
        if (exception is OperationCanceledException)
        {
            return;
        }

        // Authentication failures reach every caller waiting on the shared authentication; the token manager logs them once.
        // A connection test reports its own failure (event 302).
        if (_failuresLoggedElsewhere || loggedElsewhere || FailuresReportedByCaller.IsSet || exception is AkeylessException { Command: { } failedCommand } && failedCommand != _command)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.CommandFailedHandled(logger, _command, Target, _errorType!);
            }

            return;
        }

        switch (exception)
        {
            case AkeylessTimeoutException:
                Log.CommandTimedOut(logger, _command, Target, exception);
                break;
            case AkeylessException { StatusCode: { } status } failure:
                Log.CommandFailed(logger, _command, Target, (int)status, failure.ServiceMessage);
                break;
            case var _ when ErrorTypes.IsNetwork(exception):
                Log.CommandUnreachable(logger, _command, Target, _errorType!, exception);
                break;
            default:
                Log.CommandError(logger, _command, Target, exception);
                break;
        }
    }
}
