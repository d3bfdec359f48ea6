using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AkeylessSharp.Diagnostics;

/// <summary>
/// The names of the client's <see cref="ActivitySource"/> and <see cref="Meter"/>, for OpenTelemetry's
/// <c>AddSource</c> / <c>AddMeter</c>. Spans and measurements carry the command and path, never a value or token.
/// </summary>
public static class AkeylessTelemetry
{
    /// <summary>The name of both the activity source and the meter: <c>AkeylessSharp</c>.</summary>
    public const string Name = "AkeylessSharp";

    internal static readonly ActivitySource ActivitySource = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("akeyless.client.requests", "{request}", "API requests by command and outcome.");
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("akeyless.client.request.duration", "s", "Duration of API requests, retries included.");
    internal static readonly Counter<long> Authentications = Meter.CreateCounter<long>("akeyless.client.authentications", "{authentication}", "Authentications by access type and outcome.");
    internal static readonly Counter<long> ReAuthentications = Meter.CreateCounter<long>("akeyless.client.reauthentications", "{authentication}", "Re-authentications forced by a 401 on a token believed valid.");

    internal static Activity? StartCommand(string command, string? path)
    {
        var activity = ActivitySource.StartActivity(command, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("akeyless.command", command);
            if (path is not null)
            {
                activity.SetTag("akeyless.path", path);
            }
        }

        return activity;
    }

    internal static void RecordRequest(string command, string outcome, long startTimestamp)
    {
        if (!Requests.Enabled && !RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "akeyless.command", command }, { "akeyless.outcome", outcome } };
        Requests.Add(1, tags);
        RequestDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }
}
