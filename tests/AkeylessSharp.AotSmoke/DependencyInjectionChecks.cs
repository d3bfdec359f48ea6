using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.AotSmoke;

/// <summary>
/// The DI paths the other checks do not take: a named client bound from a section (the reference's <c>api_key</c>
/// spelling rewritten), a distributed cache bound from a section, a probing health check, and one for a client never registered.
/// </summary>
internal static class DependencyInjectionChecks
{
    private const string Path = "/aot/di/password";

    public static async Task RunAsync(string apiUrl)
    {
        string value = Guid.NewGuid().ToString("N");
        using (var writer = new AkeylessClient(Check.Options(apiUrl)))
        {
            await writer.UpsertSecretAsync(Path, value);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reports:ApiUrl"] = apiUrl,
            ["Reports:AccessType"] = "api_key",
            ["Reports:AccessId"] = Check.AccessId,
            ["Reports:AccessKey"] = Check.AccessKey,
            ["Reports:Timeout"] = "00:00:30",
            ["ReportsCache:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["ReportsCache:StaticSecretTtl"] = "00:05:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddAkeyless("reports", configuration.GetSection("Reports")).AddDistributedCache(configuration.GetSection("ReportsCache"));
        services.AddHealthChecks()
            .AddAkeyless("reports", o => o.ProbeSecretPath = Path)
            .AddAkeyless("billing", name: "unregistered");
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var client = provider.GetRequiredService<IAkeylessClientFactory>().CreateClient("reports");
        Check.That(await client.GetSecretAsync(Path) == value && await client.GetSecretAsync(Path) == value, "di: a named client bound from a section, with a distributed cache bound from one");

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Check.That(report.Entries["akeyless"].Status == HealthStatus.Healthy, "di: the health check reads its probe secret");
        Check.That(report.Entries["unregistered"].Exception is AkeylessConfigurationException, "di: a health check for a client never registered is unhealthy, typed");
    }
}
