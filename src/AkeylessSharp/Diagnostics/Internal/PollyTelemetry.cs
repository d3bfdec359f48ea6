using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Lowers Polly's own events for the Akeyless pipeline only (not the application's other pipelines) to Debug: its
/// per-attempt "Execution attempt" lines are noise at Information, and the client logs retries and failures itself.
/// Polly's metrics are unchanged; set the <c>Polly</c> log category to Debug to see its events again.
/// </summary>
internal static class PollyTelemetry
{
    public static void Quiet<TBuilder>(TBuilder builder, IServiceProvider services)
        where TBuilder : ResiliencePipelineBuilderBase
    {
        var shared = services.GetService<IOptions<TelemetryOptions>>()?.Value;
        var options = shared is null ? new TelemetryOptions() : new TelemetryOptions(shared);

        // Polly.Extensions' registry sets this when an application registers a pipeline; the Akeyless pipeline is not in it.
        if (options.LoggerFactory is NullLoggerFactory && services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            options.LoggerFactory = loggerFactory;
        }

        options.SeverityProvider = static args => args.Event.Severity == ResilienceEventSeverity.None ? ResilienceEventSeverity.None : ResilienceEventSeverity.Debug;
        builder.ConfigureTelemetry(options);
    }
}
