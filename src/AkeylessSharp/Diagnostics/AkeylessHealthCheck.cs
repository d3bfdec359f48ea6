using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Diagnostics;

/// <summary>Reports healthy when the client can authenticate; the description carries the reason otherwise.</summary>
internal sealed class AkeylessHealthCheck(IAkeylessClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await client.TestConnectionAsync(cancellationToken).ConfigureAwait(false);
        return result.Success ? HealthCheckResult.Healthy(result.Message) : new HealthCheckResult(context.Registration.FailureStatus, result.Message);
    }
}
