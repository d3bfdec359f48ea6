using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// Marks a health check name as registered (a keyed service, keyed by the name), so registering the same client twice
/// adds its check once: two checks of one name make the health check service fail when it is created.
/// </summary>
internal sealed class HealthCheckMarker
{
    public static bool TryMark(IServiceCollection services, string checkName)
    {
        if (services.Any(d => d.ServiceType == typeof(HealthCheckMarker) && d.IsKeyedService && Equals(d.ServiceKey, checkName)))
        {
            return false;
        }

        services.AddKeyedSingleton<HealthCheckMarker>(checkName);
        return true;
    }
}
