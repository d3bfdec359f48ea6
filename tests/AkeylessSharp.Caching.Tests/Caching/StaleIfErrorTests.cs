using System.Diagnostics.Metrics;
using System.Net;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AkeylessSharp.Caching.Tests.Caching;

public sealed class StaleIfErrorTests
{
    private const string Path = "/app/secret-0";
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(10);

    private static AkeylessCacheOptions Options() => new() { BatchingEnabled = false, StaticSecretTtl = Ttl, MaxStale = MaxStale };

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task ServiceFailure_AfterExpiry_ServesLastKnownValue_AndReportsIt(HttpStatusCode status)
    {
        var clock = TestReaders.Clock();
        using var meter = new Meter("test.stale");
        using var stale = new MetricCollector<long>(meter, "akeyless.cache.stale_served");
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options(), meter: meter);
        await reader.GetSecretAsync(Path, false, CancellationToken.None);

        clock.Advance(Ttl + TimeSpan.FromMinutes(1));
        source.FailNext(1, status);

        Assert.Equal("value-0", await reader.GetSecretAsync(Path, false, CancellationToken.None));
        Assert.Equal(1, stale.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task ServiceFailure_PastMaxStale_Throws()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);

        clock.Advance(Ttl + MaxStale - TimeSpan.FromSeconds(1));
        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("value-0", await reader.GetSecretAsync(Path, false, CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(1));
        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        var error = await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(Path, false, CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task NonTransientFailure_IsNeverAnsweredWithStale(HttpStatusCode status)
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);

        clock.Advance(Ttl);
        source.FailNext(1, status);
        await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(Path, false, CancellationToken.None));
    }

    [Fact]
    public async Task NotFound_EvictsCachedAndStaleValue_SoALaterOutageThrows()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);

        source.Delete(Path);
        await Assert.ThrowsAsync<AkeylessNotFoundException>(async () => await reader.GetSecretAsync(Path, true, CancellationToken.None));
        Assert.Null(await reader.Cache.GetAsync(Path));

        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(Path, false, CancellationToken.None));
    }

    [Fact]
    public async Task Refresh_DuringOutage_ThrowsInsteadOfServingStale()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);

        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(Path, true, CancellationToken.None));
    }

    [Fact]
    public async Task StaleValue_IsNotWrittenBackToTheCache()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);
        clock.Advance(Ttl);

        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        await reader.GetSecretAsync(Path, false, CancellationToken.None);
        Assert.Null(await reader.Cache.GetAsync(Path));

        source.Set(Path, "recovered");
        Assert.Equal("recovered", await reader.GetSecretAsync(Path, false, CancellationToken.None));
    }

    [Fact]
    public async Task Disabled_ServiceFailure_Throws()
    {
        var clock = TestReaders.Clock();
        var source = CountingSource.WithPaths(1);
        var options = Options();
        options.StaleIfError = false;
        var reader = TestReaders.Create(source.FetchAsync, clock, options);
        await reader.GetSecretAsync(Path, false, CancellationToken.None);
        clock.Advance(Ttl);

        source.FailNext(1, HttpStatusCode.ServiceUnavailable);
        await Assert.ThrowsAsync<AkeylessException>(async () => await reader.GetSecretAsync(Path, false, CancellationToken.None));
    }

    [Fact]
    public async Task NetworkFailure_IsTransient()
    {
        var clock = TestReaders.Clock();
        bool fail = false;
        var reader = TestReaders.Create(
            (names, _) => fail
                ? Task.FromException<IReadOnlyDictionary<string, string>>(new HttpRequestException("connection refused"))
                : Task.FromResult<IReadOnlyDictionary<string, string>>(names.ToDictionary(n => n, _ => "v")),
            clock,
            Options());
        await reader.GetSecretAsync(Path, false, CancellationToken.None);
        clock.Advance(Ttl);
        fail = true;

        Assert.Equal("v", await reader.GetSecretAsync(Path, false, CancellationToken.None));
    }
}
