using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using AkeylessSharp.Aspire.Tests.TestSupport;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Aspire.Tests.Hosting;

/// <summary>
/// <c>GetSecret</c> references and the resource health check, for a resource pointed through its parameters at a real
/// (in-process) emulator, as it would be at an account.
/// </summary>
public sealed class SecretReferenceTests : IAsyncLifetime
{
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorSeed.StartAsync(("/prod/db/password", "s3cr3t-value"));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private IResourceBuilder<AkeylessResource> Resource(string? accessKey = null)
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:akeyless-api-url"] = _emulator.BaseUrl.ToString();
        builder.Configuration["Parameters:akeyless-access-id"] = _emulator.AccessId;
        builder.Configuration["Parameters:akeyless-access-key"] = accessKey ?? _emulator.AccessKey;
        return builder.AddAkeyless("akeyless");
    }

    [Fact]
    public async Task GetSecret_ResolvesTheValueThroughTheResourceConnection()
    {
        var akeyless = Resource();
        using var clients = akeyless.Resource.Clients;

        var value = await akeyless.GetSecret("/prod/db/password").GetValueAsync();

        Assert.Equal("s3cr3t-value", value);
    }

    [Fact]
    public async Task GetSecret_OfAMissingPath_FailsWithAnAkeylessErrorNamingThePath()
    {
        var akeyless = Resource();
        using var clients = akeyless.Resource.Clients;

        var error = await Assert.ThrowsAnyAsync<AkeylessException>(() => akeyless.GetSecret("/prod/db/missing").GetValueAsync().AsTask());

        Assert.Contains("/prod/db/missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSecret_DescribesItselfWithoutTheValue_AndReferencesTheResource()
    {
        var akeyless = Resource();

        var reference = akeyless.GetSecret("/prod/db/password");

        Assert.Equal("{akeyless.secrets./prod/db/password}", reference.ValueExpression);
        Assert.Same(akeyless.Resource, Assert.Single(reference.References));
        Assert.DoesNotContain("s3cr3t", reference.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void GetSecret_EmptyPath_Throws(string path) =>
        Assert.ThrowsAny<ArgumentException>(() => Resource().GetSecret(path));

    [Fact]
    public async Task WithEnvironment_GivesTheServiceThePlainValue()
    {
        var akeyless = Resource();
        using var clients = akeyless.Resource.Clients;
        var service = akeyless.ApplicationBuilder.AddExecutable("legacy", "dotnet", ".").WithEnvironment("DB_PASSWORD", akeyless.GetSecret("/prod/db/password"));
        using var app = akeyless.ApplicationBuilder.Build();

        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Run) { Services = app.Services });
        var result = await ExecutionConfigurationBuilder.Create(service.Resource).WithEnvironmentVariablesConfig().BuildAsync(context, resourceLogger: null, CancellationToken.None);

        Assert.Null(result.Exception);
        Assert.Equal("s3cr3t-value", result.EnvironmentVariables.ToDictionary()["DB_PASSWORD"]);
    }

    [Fact]
    public async Task HealthCheck_IsHealthyWhenTheCredentialAuthenticates()
    {
        var akeyless = Resource();
        using var clients = akeyless.Resource.Clients;

        var result = await new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task HealthCheck_IsUnhealthyWithAWrongKey_WithoutShowingIt()
    {
        var akeyless = Resource(accessKey: "d3Jvbmcta2V5LXZhbHVl");
        using var clients = akeyless.Resource.Clients;

        var result = await new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("d3Jvbmcta2V5LXZhbHVl", result.Description ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_OfAnEmulatorNotYetStarted_IsUnhealthyWithoutWaiting()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator();

        var result = await new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not started", result.Description, StringComparison.Ordinal);
    }

    private static HealthCheckContext Context() => new()
    {
        Registration = new HealthCheckRegistration("akeyless_check", _ => throw new NotSupportedException(), HealthStatus.Unhealthy, tags: null),
    };
}
