using AkeylessSharp.Configuration.Tests.TestSupport;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AkeylessSharp.Configuration.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of AkeylessSharp.Configuration answers a null for a non-nullable parameter with
/// an <see cref="ArgumentNullException"/> naming it, and a blank string with nothing worse than a typed error.
/// </summary>
public sealed class ArgumentGuardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SecretPath = "/app/db/password";

    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal);

    private EmulatorFixture _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorFixture.StartAsync([new(SecretPath, "s3cr3t")]);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task EveryPublicMember_NullOrBlankArgument_FailsTyped()
    {
        var report = await new ArgumentGuard(ValueFor).RunAsync(typeof(AkeylessConfigurationSource).Assembly);

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count > 15, $"only {report.Covered.Count} members covered");
    }

    private object? ValueFor(Type type, string? name) => type switch
    {
        _ when type == typeof(string) && name == "backendKwargsJson" => """{"connections_path":"/airflow/connections"}""",
        _ when type == typeof(string) && name == "value" => "postgres://user:pw@db:5432/app",
        _ when type == typeof(string) => SecretPath,
        _ when type == typeof(IAkeylessClient) => _emulator.Client(),
        _ when type == typeof(AkeylessConfigurationOptions) => Options(),
        _ when type == typeof(AkeylessSecretsBackend) => new AkeylessSecretsBackend(_emulator.Client(), Options()),
        _ when type == typeof(AkeylessConfigurationSource) => new AkeylessConfigurationSource(Options()),
        _ when type == typeof(AkeylessSecretManager) => new AkeylessSecretManager(),
        _ when type == typeof(AkeylessItem) => new AkeylessItem { Name = SecretPath },
        _ when type == typeof(AkeylessConnection) => AkeylessConnection.Parse("postgres://user:pw@db:5432/app"),
        _ when type == typeof(IConfigurationBuilder) => new ConfigurationBuilder(),
        _ when type == typeof(IConfiguration) => new ConfigurationBuilder().Build().GetSection("Akeyless"),
        _ when type == typeof(IHealthChecksBuilder) => new ServiceCollection().AddHealthChecks(),
        _ => null,
    };

    private AkeylessConfigurationOptions Options()
    {
        var options = new AkeylessConfigurationOptions { Client = _emulator.Client(), ConnectionsPath = "/airflow/connections", VariablesPath = "/airflow/variables", ConfigPath = "/airflow/config" };
        options.Paths.Add(SecretPath);
        return options;
    }
}
