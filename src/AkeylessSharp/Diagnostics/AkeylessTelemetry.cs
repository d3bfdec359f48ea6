using System.Diagnostics;
using System.Diagnostics.Metrics;
using AkeylessSharp.Diagnostics.Internal;

namespace AkeylessSharp.Diagnostics;

/// <summary>
/// The names of the client's <see cref="ActivitySource"/> and <see cref="Meter"/>, for OpenTelemetry's
/// <c>AddSource</c> / <c>AddMeter</c>. Spans and measurements carry the command and (on spans, unless
/// <see cref="AkeylessClientOptions.IncludePathInTraces"/> is off) the path, never a value or token.
/// </summary>
public static class AkeylessTelemetry
{
    /// <summary>The name of both the activity source and the meter: <c>AkeylessSharp</c>.</summary>
    public const string Name = "AkeylessSharp";

    internal static readonly ActivitySource ActivitySource = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("akeyless.client.requests", "{request}", "API calls by command, server and error.type (absent on success).");
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("akeyless.client.request.duration", "s", "Duration of API calls, token, re-authentication and retries included.");
    internal static readonly Counter<long> Authentications = Meter.CreateCounter<long>("akeyless.client.authentications", "{authentication}", "Authentications by access type and error.type (absent on success).");
    internal static readonly Counter<long> ReAuthentications = Meter.CreateCounter<long>("akeyless.client.reauthentications", "{authentication}", "Re-authentications forced by a 401 on a token believed valid, once per rejected token.");

    internal static void RecordRequest(string command, string? errorType, CommandTelemetry telemetry, long startTimestamp)
    {
        if (!Requests.Enabled && !RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { SemanticConventions.Command, command },
            { SemanticConventions.ServerAddress, telemetry.ServerAddress },
            { SemanticConventions.ServerPort, telemetry.ServerPort },
        };
        if (errorType is not null)
        {
            tags.Add(SemanticConventions.ErrorType, errorType);
        }

        Requests.Add(1, tags);
        RequestDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    internal static void RecordAuthentication(string accessType, string? errorType)
    {
        if (!Authentications.Enabled)
        {
            return;
        }

        var tags = new TagList { { "akeyless.access_type", accessType } };
        if (errorType is not null)
        {
            tags.Add(SemanticConventions.ErrorType, errorType);
        }

        Authentications.Add(1, tags);
    }
}
