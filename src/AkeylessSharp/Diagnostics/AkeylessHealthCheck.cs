using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Diagnostics;

/// <summary>
/// Contacts Akeyless (<see cref="IAkeylessClient.TestConnectionAsync"/>, then the probe secret if one is configured):
/// Healthy when it answers; Degraded when it fails but the cache has answered reads with stale values since the last
/// healthy probe; otherwise the registration's failure status, with the reason. Results are reused for
/// <see cref="AkeylessHealthCheckOptions.ResultCacheDuration"/>.
/// </summary>
/// <remarks>
/// The client is resolved at each probe, not when the check is built: a client that cannot be built (a name never
/// registered) is then this check's failure, where a throwing registration factory would fail the whole health report.
/// </remarks>
internal sealed class AkeylessHealthCheck(Func<IAkeylessClient> resolveClient, AkeylessHealthCheckOptions options, TimeProvider timeProvider) : IHealthCheck
{
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private DateTimeOffset _lastStartedAt;
    private DateTimeOffset? _lastHealthyAt;

    public AkeylessHealthCheck(IAkeylessClient client, AkeylessHealthCheckOptions options, TimeProvider timeProvider)
        : this(() => client, options, timeProvider)
    {
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> probe;
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_last is null || (_last.IsCompleted && now - _lastStartedAt >= options.ResultCacheDuration))
            {
                _lastStartedAt = now;

                // Shared by concurrent checks, so one caller's cancellation does not cancel it; the client's timeouts bound it.
                _last = ProbeAsync(context.Registration.FailureStatus);
            }

            probe = _last;
        }

        return probe.WaitAsync(cancellationToken);
    }

    private async Task<HealthCheckResult> ProbeAsync(HealthStatus failureStatus)
    {
        var client = resolveClient();
        var result = await client.TestConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        var error = result.Error;
        var message = result.Message;
        if (result.Success && options.ProbeSecretPath is { } path)
        {
            var failure = await ReadProbeSecretAsync(client, path).ConfigureAwait(false);
            if (failure is null)
            {
                message += $" The probe secret {Errors.Internal.Quote.Of(path)} was read.";
            }
            else
            {
                error = failure;
                message = $"The probe secret {Errors.Internal.Quote.Of(path)} could not be read: {failure.Message}";
            }
        }

        if (error is null)
        {
            _lastHealthyAt = timeProvider.GetUtcNow();
            return HealthCheckResult.Healthy(message);
        }

        if (result.LastStaleValueServedAt is { } staleAt && (_lastHealthyAt is null || staleAt >= _lastHealthyAt))
        {
            return HealthCheckResult.Degraded($"{message} Reads are being answered from stale cache entries (last at {staleAt:O}).", error);
        }

        return new HealthCheckResult(failureStatus, message, error);
    }

    /// <summary>
    /// Reads the probe secret past any cached copy. An <see cref="AkeylessClient"/>'s own failure and retry logs go to Debug
    /// and the probe reports the failure once (event 302), as for the connection test; another
    /// <see cref="IAkeylessClient"/> (a decorator, a fake) logs as it does.
    /// </summary>
    private static async Task<AkeylessException?> ReadProbeSecretAsync(IAkeylessClient client, string path)
    {
        var akeyless = client as AkeylessClient;
        if (akeyless is not null)
        {
            // Ends with this method, as in the connection test.
            Internal.FailuresReportedByCaller.Set();
        }

        try
        {
            _ = await client.GetSecretAsync(path, new SecretRequestOptions { Refresh = true }, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (AkeylessException ex)
        {
            akeyless?.ReportProbeSecretFailed(path, ex);
            return ex;
        }
    }
}
