namespace AkeylessSharp.Aspire;

/// <summary>
/// Settings of the Akeyless client integration, bound from the <c>Aspire:Akeyless:Client</c> configuration section
/// (and <c>Aspire:Akeyless:Client:{connectionName}</c> for a keyed client). Client tuning such as timeouts and retries
/// binds from the <c>ClientOptions</c> sub-section into <see cref="AkeylessClientOptions"/>.
/// </summary>
public sealed class AkeylessClientSettings
{
    /// <summary>
    /// Gets or sets the connection string: <c>ApiUrl=...;AccessId=...;AccessType=...;AccessKey=...</c> or an
    /// <c>akeyless://</c> URI, in any form <see cref="AkeylessClientOptions.FromConnectionString(string)"/> reads.
    /// <c>ConnectionStrings:{connectionName}</c>, which an app host sets with <c>WithReference</c>, takes precedence.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets whether the health check (an authentication against the service) is left out.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool DisableHealthChecks { get; set; }

    /// <summary>Gets or sets whether the client's spans are left out of OpenTelemetry tracing.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool DisableTracing { get; set; }

    /// <summary>Gets or sets whether the client's metrics are left out of OpenTelemetry metrics.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool DisableMetrics { get; set; }

    /// <summary>Gets or sets how long the health check may take before it reports unhealthy.</summary>
    /// <value>The default is <see langword="null"/>: the health check service's own timeout.</value>
    public TimeSpan? HealthCheckTimeout { get; set; }

    /// <summary>Returns a description that never includes the connection string, which holds a credential.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"ConnectionString={(ConnectionString is null ? "(none)" : "***")}, DisableHealthChecks={DisableHealthChecks}, DisableTracing={DisableTracing}, DisableMetrics={DisableMetrics}";
}
