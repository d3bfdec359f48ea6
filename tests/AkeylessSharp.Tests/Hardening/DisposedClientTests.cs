using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Hardening;

/// <summary>
/// A disposed client fails every call with the .NET idiom, <see cref="ObjectDisposedException"/> naming the client:
/// never the HTTP client's own, a cancellation nobody asked for, nor a value served as if nothing happened.
/// </summary>
public sealed class DisposedClientTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<string> Clients => ["uncached", "cached", "caller's HttpClient"];

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task EveryRead_AfterDispose_ThrowsObjectDisposedNamingTheClient(string kind)
    {
        using var callersHttpClient = new HttpClient();
        var client = await ReadOnceThenDisposeAsync(kind, callersHttpClient);

        var calls = new (string Name, Func<Task> Call)[]
        {
            ("GetSecretAsync of a value read before", () => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask()),
            ("GetSecretAsync", () => client.GetSecretAsync("/app/other").AsTask()),
            ("GetSecretsAsync", () => client.GetSecretsAsync([EmulatorHarness.StaticPath, "/app/other"])),
            ("GetDynamicSecretAsync", () => client.GetDynamicSecretAsync(EmulatorHarness.DynamicPath)),
            ("GetAsync", () => client.GetAsync(EmulatorHarness.RotatedPath)),
            ("DescribeItemAsync", () => client.DescribeItemAsync(EmulatorHarness.StaticPath)),
            ("TestConnectionAsync", () => client.TestConnectionAsync()),
        };
        foreach (var (name, call) in calls)
        {
            var ex = await Assert.ThrowsAsync<ObjectDisposedException>(call);
            Assert.True(typeof(AkeylessClient).FullName == ex.ObjectName, $"{name}: {ex.Message}");
        }

        client.Dispose();
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task EveryOtherMember_AfterDispose_ThrowsObjectDisposedNamingTheClient_AndSendsNothing(string kind)
    {
        using var callersHttpClient = new HttpClient();
        var client = await ReadOnceThenDisposeAsync(kind, callersHttpClient);
        _harness.Emulator.Counters.Reset();

        var calls = new (string Name, Func<Task> Call)[]
        {
            ("TryGetSecretAsync", () => client.TryGetSecretAsync(EmulatorHarness.StaticPath).AsTask()),
            ("GetRotatedSecretAsync", () => client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath)),
            ("CreateSecretAsync", () => client.CreateSecretAsync("/new/secret", "v")),
            ("UpdateSecretValueAsync", () => client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "v")),
            ("UpsertSecretAsync", () => client.UpsertSecretAsync("/new/secret", "v")),
            ("DeleteItemAsync", () => client.DeleteItemAsync(EmulatorHarness.StaticPath)),
            ("ListItemsAsync", async () => await client.ListItemsAsync("/app").ToListAsync()),
            ("ListSecretsAsync", () => client.ListSecretsAsync("/app")),
            ("ListSubfoldersAsync", () => client.ListSubfoldersAsync("/app")),
            ("GetPermissionsAsync", () => client.GetPermissionsAsync(EmulatorHarness.StaticPath)),
            ("GetSshCertificateAsync", () => client.GetSshCertificateAsync(EmulatorHarness.SshIssuerPath, "ubuntu", "ssh-ed25519 AAAA")),
            ("InvokeAsync", () => client.InvokeAsync("list-roles", new System.Text.Json.Nodes.JsonObject())),
        };
        foreach (var (name, call) in calls)
        {
            var ex = await Assert.ThrowsAsync<ObjectDisposedException>(call);
            Assert.True(typeof(AkeylessClient).FullName == ex.ObjectName, $"{name}: {ex.Message}");
        }

        Assert.DoesNotContain(_harness.Emulator.Counters.Snapshot(), c => c.Value > 0);
    }

    /// <summary>A client of <paramref name="kind"/> that has read once (so it holds a token, and a cached value), then disposed.</summary>
    private async Task<AkeylessClient> ReadOnceThenDisposeAsync(string kind, HttpClient callersHttpClient)
    {
        var client = kind switch
        {
            "uncached" => _harness.Client(),
            "cached" => _harness.Client(o => o.Cache = new AkeylessCacheOptions { BatchingEnabled = false }),
            _ => new AkeylessClient(callersHttpClient, _harness.Options()),
        };
        await client.GetSecretAsync(EmulatorHarness.StaticPath);
        client.Dispose();
        return client;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadsInFlight_WhenTheClientIsDisposed_EndWithObjectDisposed_NotACancellation(bool cached)
    {
        // A zero batch window sends a batch at once: the harness's clock does not move by itself.
        var client = _harness.Client(o => o.Cache = cached ? new AkeylessCacheOptions { BatchWindow = TimeSpan.Zero } : null);
        await _harness.AuthenticateThenStallReadsAsync(client);
        _harness.Emulator.Counters.Reset();
        Task[] reads =
        [
            client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask(),
            client.GetSecretAsync("/app/other").AsTask(),
            client.GetSecretsAsync(["/app/sub/deeper", EmulatorHarness.JsonPath]),
        ];
        await WaitUntilAsync(() => _harness.Emulator.Counters.Get("get-secret-value") >= (cached ? 1 : 3));

        client.Dispose();

        foreach (var read in reads)
        {
            // Well within the 5 s the emulator holds each answer back.
            var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(TimeSpan.FromSeconds(4)));
            Assert.Equal(typeof(AkeylessClient).FullName, ex.ObjectName);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadsInFlight_OverTheCallersHttpClient_WhenTheClientIsDisposed_EndWithObjectDisposed(bool cached)
    {
        using var callersHttpClient = new HttpClient();
        var options = _harness.Options(o => o.Cache = cached ? new AkeylessCacheOptions { BatchWindow = TimeSpan.Zero } : null);
        var client = new AkeylessClient(callersHttpClient, options);
        await _harness.AuthenticateThenStallReadsAsync(client);
        _harness.Emulator.Counters.Reset();
        var read = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        await WaitUntilAsync(() => _harness.Emulator.Counters.Get("get-secret-value") >= 1);

        client.Dispose();

        // Well within the 5 s the emulator holds the answer back: the call must not wait for it.
        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(TimeSpan.FromSeconds(4)));
        Assert.Equal(typeof(AkeylessClient).FullName, ex.ObjectName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadsWaitingForTheFirstAuthentication_WhenTheClientIsDisposed_EndWithObjectDisposed(bool batching)
    {
        var client = _harness.Client(o => o.Cache = new AkeylessCacheOptions { BatchingEnabled = batching, BatchWindow = TimeSpan.Zero });
        _harness.Emulator.Faults.AddLatency("auth", TimeSpan.FromSeconds(5));
        var read = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        await WaitUntilAsync(() => _harness.Emulator.Counters.Get("auth") >= 1);

        client.Dispose();

        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(TimeSpan.FromSeconds(4)));
        Assert.Equal(typeof(AkeylessClient).FullName, ex.ObjectName);
    }

    [Fact]
    public async Task ReadInABatchWhoseWindowEndsAfterDispose_OnAColdClient_EndsWithObjectDisposedNamingTheClient()
    {
        var client = _harness.Client(o => o.Cache = new AkeylessCacheOptions { BatchWindow = TimeSpan.FromMilliseconds(10) });
        var read = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();

        client.Dispose();
        _harness.Time.Advance(TimeSpan.FromMilliseconds(10));

        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(TimeSpan.FromSeconds(4)));
        Assert.Equal(typeof(AkeylessClient).FullName, ex.ObjectName);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The emulator never received the reads.");
    }
}
