using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// Polly's own telemetry for the DI client's pipeline, as <c>AddResilienceHandler</c> gave it: logs through the container's
/// logger factory, metrics named after the pipeline with the failed answer's status as <c>error.type</c>. Its events are
/// lowered to Debug for the Akeyless pipeline only (not the application's other pipelines): its per-attempt "Execution
/// attempt" lines are noise at Information, and the client logs retries and failures itself. Polly's metrics are
/// unchanged; set the <c>Polly</c> log category to Debug to see its events again.
/// </summary>
internal static class PollyTelemetry
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services, string pipelineName)
    {
        builder.Name = pipelineName;
        builder.InstanceName = string.Empty;
        var shared = services.GetService<IOptions<TelemetryOptions>>()?.Value;
        var options = shared is null ? new TelemetryOptions() : new TelemetryOptions(shared);

        // Polly.Extensions' registry sets this when an application registers a pipeline; the Akeyless pipeline is not in it.
        if (options.LoggerFactory is NullLoggerFactory && services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            options.LoggerFactory = loggerFactory;
        }

        options.MeteringEnrichers.Add(HttpStatusEnricher.Instance);
        options.SeverityProvider = static args => args.Event.Severity == ResilienceEventSeverity.None ? ResilienceEventSeverity.None : ResilienceEventSeverity.Debug;
        builder.ConfigureTelemetry(options);
    }

    /// <summary>Tags an event whose outcome is a failed answer with its status code, as Http.Resilience does for its pipelines.</summary>
    private sealed class HttpStatusEnricher : MeteringEnricher
    {
        public static readonly HttpStatusEnricher Instance = new();

        public override void Enrich<TResult, TArgs>(in EnrichmentContext<TResult, TArgs> context)
        {
            if (context.TelemetryEvent.Outcome is { Result: HttpResponseMessage { IsSuccessStatusCode: false } response })
            {
                context.Tags.Add(new("error.type", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}
