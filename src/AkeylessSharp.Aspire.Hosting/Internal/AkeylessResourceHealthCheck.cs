using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>Healthy when the app host can authenticate against the resource with its connection string.</summary>
internal sealed class AkeylessResourceHealthCheck(AkeylessResource resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (resource.IsEmulator && !resource.EmulatorConnection.IsCompleted)
        {
            return HealthCheckResult.Unhealthy("The emulator has not started yet.");
        }

        try
        {
            var client = await resource.Clients.GetAsync(resource, cancellationToken).ConfigureAwait(false);
            var result = await client.TestConnectionAsync(cancellationToken).ConfigureAwait(false);
            return result.Success ? HealthCheckResult.Healthy(result.Message) : new HealthCheckResult(context.Registration.FailureStatus, result.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ex.Message);
        }
    }
}
