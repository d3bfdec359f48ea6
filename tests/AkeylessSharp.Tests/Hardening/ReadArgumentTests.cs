using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Hardening;

/// <summary>
/// Bad arguments to a read fail at once, with an <see cref="ArgumentException"/> naming the parameter and the field,
/// and send nothing, whether or not the client caches (a cached or batched read is shared with other callers).
/// </summary>
public sealed class ReadArgumentTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<bool, string?> BlankElements => new()
    {
        { false, null },
        { false, "" },
        { false, "  " },
        { true, null },
        { true, "" },
        { true, " \t" },
    };

    [Theory]
    [MemberData(nameof(BlankElements))]
    public async Task GetSecretsAsync_ANullOrBlankPath_ThrowsArgumentNamingPaths_AndSendsNothing(bool cached, string? blank)
    {
        using var client = Client(cached);
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.GetSecretsAsync([EmulatorHarness.StaticPath, blank!]));

        Assert.Equal("paths", ex.ParamName);
        Assert.Contains(blank is null ? "null" : "blank", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProducerArgumentWithANullValue_ThrowsArgumentNamingIt_WithoutItsValueOrASend(bool cached)
    {
        using var client = Client(cached);
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();
        var arguments = new Dictionary<string, string> { ["team"] = "payments-s3cr3t", ["region"] = null! };

        var dynamic = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.GetDynamicSecretAsync(EmulatorHarness.DynamicPath, new DynamicSecretRequestOptions { Arguments = arguments }));
        var rotated = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions { Arguments = arguments }));

        foreach (var ex in new[] { dynamic, rotated })
        {
            Assert.Equal("options", ex.ParamName);
            Assert.Contains("null value for 'region'", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("payments-s3cr3t", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, _harness.Emulator.Counters.Get("get-dynamic-secret-value") + _harness.Emulator.Counters.Get("get-rotated-secret-value"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NegativeVersion_ThrowsOutOfRange_InsteadOfReadingTheLatest(bool cached)
    {
        using var client = Client(cached);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Version = -1 }).AsTask());

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("SecretRequestOptions.Version -1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    public static TheoryData<bool, TimeSpan> BadTimeouts => new()
    {
        { false, TimeSpan.FromSeconds(-1) },
        { false, TimeSpan.Zero },
        { false, TimeSpan.MaxValue },
        { true, TimeSpan.FromSeconds(-1) },
        { true, TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public async Task OutOfRangeTimeout_ThrowsOutOfRangeNamingTheField(bool cached, TimeSpan timeout)
    {
        using var client = Client(cached);

        // Read once first: a cached client must refuse the option even where it holds the value.
        await client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Version = 2 });
        var read = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Version = 2, Timeout = timeout }).AsTask());
        var invoke = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.InvokeAsync("list-items", new System.Text.Json.Nodes.JsonObject(), new AkeylessCommandOptions { Timeout = timeout }));

        Assert.Equal("options", read.ParamName);
        Assert.Contains("SecretRequestOptions.Timeout", read.Message, StringComparison.Ordinal);
        Assert.Contains("AkeylessCommandOptions.Timeout", invoke.Message, StringComparison.Ordinal);
    }

    private AkeylessClient Client(bool cached) =>
        _harness.Client(o => o.Cache = cached ? new AkeylessCacheOptions { BatchingEnabled = false } : null);
}
