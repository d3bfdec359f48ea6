using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using AkeylessSharp.Aspire.Tests.TestSupport;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AkeylessSharp.Aspire.Tests.Hosting;

/// <summary>The app host's resource health check with missing or bad parameters and a hanging or failing Akeyless.</summary>
public sealed class ResourceHealthCheckFailureTests : IAsyncLifetime
{
    private const string Key = "UmVzb3VyY2Uta2V5LXZhbHVl";
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorSeed.StartAsync(("/prod/db/password", "s3cr3t-value"));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static IResourceBuilder<AkeylessResource> Resource(string? apiUrl, string? accessId, string? accessKey)
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:akeyless-api-url"] = apiUrl;
        builder.Configuration["Parameters:akeyless-access-id"] = accessId;
        builder.Configuration["Parameters:akeyless-access-key"] = accessKey;
        return builder.AddAkeyless("akeyless");
    }

    public static TheoryData<string, string?, string?> BadParameters() => new()
    {
        { "http://127.0.0.1:1/", null, Key },
        { "http://127.0.0.1:1/", "p-abc123", null },
        { "not a url", "p-abc123", Key },
        { "http://127.0.0.1:1/", "not-an-id", Key },
        { "ftp://127.0.0.1:1/", "p-abc123", Key },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task MissingOrBadParameters_AreUnhealthy_WithoutThrowingOrShowingTheKey(string apiUrl, string? accessId, string? accessKey)
    {
        var akeyless = Resource(apiUrl, accessId, accessKey);
        using var clients = akeyless.Resource.Clients;

        var result = await new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Description));
        Assert.DoesNotContain(Key, result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AkeylessHangs_TheCheckEndsWhenTheHealthServiceCancelsIt()
    {
        _emulator.Faults.AddLatency("auth", TimeSpan.FromSeconds(5));
        var akeyless = Resource(_emulator.BaseUrl.ToString(), _emulator.AccessId, _emulator.AccessKey);
        using var clients = akeyless.Resource.Clients;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context(), timeout.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task AkeylessFails_IsUnhealthy_WithoutTheKey(int status)
    {
        _emulator.Faults.FailNext("auth", 20, status);
        var akeyless = Resource(_emulator.BaseUrl.ToString(), _emulator.AccessId, _emulator.AccessKey);
        using var clients = akeyless.Resource.Clients;

        var result = await new AkeylessResourceHealthCheck(akeyless.Resource).CheckHealthAsync(Context());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain(_emulator.AccessKey, result.Description ?? "", StringComparison.Ordinal);
    }

    private static HealthCheckContext Context() => new()
    {
        Registration = new HealthCheckRegistration("akeyless_check", _ => throw new NotSupportedException(), HealthStatus.Unhealthy, tags: null),
    };
}
