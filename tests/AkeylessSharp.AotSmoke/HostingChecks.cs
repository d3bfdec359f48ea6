using AkeylessSharp.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.AotSmoke;

/// <summary>
/// The configuration provider (plain paths, Airflow connections and variables, secret references) and the Aspire
/// client integration (connection string, health check) in a generic host.
/// </summary>
internal static class HostingChecks
{
    public static async Task RunAsync(string apiUrl)
    {
        string password = Guid.NewGuid().ToString("N");
        using (var writer = new AkeylessClient(Check.Options(apiUrl)))
        {
            await writer.UpsertSecretAsync("/aot/config/Db/Password", password);
            await writer.UpsertSecretAsync("/airflow/connections/warehouse", $$"""{"conn_type":"postgres","host":"db","login":"etl","password":"{{password}}","port":5432}""");
            await writer.UpsertSecretAsync("/airflow/connections/legacy", $"postgres://etl:{password}@db:5432/dw");
            await writer.UpsertSecretAsync("/airflow/variables/region", "eu-west-1");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:akeyless"] = $"ApiUrl={apiUrl};AccessId={Check.AccessId};AccessKey={Check.AccessKey}",
            ["Reference"] = "akeyless:/aot/config/Db/Password",
        });
        builder.Configuration.AddAkeylessSecrets("akeyless", o => o.BasePaths.Add("/aot/config"));
        builder.AddAkeylessClient("akeyless");
        using var host = builder.Build();

        var configuration = host.Services.GetRequiredService<IConfiguration>();
        Check.That(configuration["Db:Password"] == password, "configuration: a base path through the Aspire connection");
        Check.That(configuration["Reference"] == password, "configuration: an akeyless: reference in another source");

        var client = host.Services.GetRequiredService<IAkeylessClient>();
        Check.That(await client.GetSecretAsync("/aot/config/Db/Password") == password, "aspire: AddAkeylessClient from ConnectionStrings");
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Check.That(health.Status == HealthStatus.Healthy, "aspire: the health check");

        var airflow = AkeylessConfigurationOptions.FromAirflowBackendKwargs(
            $$"""{"connections_path":"/airflow/connections","variables_path":"/airflow/variables","config_path":"","api_url":"{{apiUrl}}","access_id":"{{Check.AccessId}}","access_key":"{{Check.AccessKey}}"}""");
        var settings = new ConfigurationBuilder().AddAkeyless(airflow).Build();
        Check.That(settings["Connections:warehouse:Password"] == password && settings["Connections:legacy:Password"] == password, "configuration: Airflow connections as JSON and URI");
        Check.That(settings["Variables:region"] == "eu-west-1", "configuration: Airflow variables");
    }
}
