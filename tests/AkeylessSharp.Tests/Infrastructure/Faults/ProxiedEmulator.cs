namespace AkeylessSharp.Tests.Infrastructure.Faults;

/// <summary>The emulator behind a <see cref="FaultProxy"/>, with a <see cref="RedirectTarget"/> as the other origin redirects point at.</summary>
internal sealed class ProxiedEmulator : IAsyncDisposable
{
    private ProxiedEmulator(EmulatorHarness harness, RedirectTarget target, FaultProxy proxy)
    {
        Harness = harness;
        Target = target;
        Proxy = proxy;
    }

    public EmulatorHarness Harness { get; }

    public RedirectTarget Target { get; }

    public FaultProxy Proxy { get; }

    public static async Task<ProxiedEmulator> StartAsync(object[]? extraItems = null)
    {
        var harness = await EmulatorHarness.StartAsync(extraItems: extraItems);
        var target = new RedirectTarget();
        var proxy = await FaultProxy.StartAsync(harness.Emulator.BaseUrl, target.BaseUrl);
        return new ProxiedEmulator(harness, target, proxy);
    }

    /// <summary>
    /// Options addressing the proxy, with fast retries and short timeouts: short enough that a stalled answer costs a
    /// test one second, long enough that a healthy attempt on a CI machine running every test project at once does
    /// not time out and turn the exact request counts the tests assert into one more.
    /// </summary>
    public AkeylessClientOptions Options(Action<AkeylessClientOptions>? configure = null) => Harness.Options(o =>
    {
        o.ApiUrl = Proxy.BaseUrl.ToString();
        o.AttemptTimeout = TimeSpan.FromSeconds(1);
        o.TotalRequestTimeout = TimeSpan.FromSeconds(5);
        configure?.Invoke(o);
    });

    /// <summary>Copies <see cref="Options"/> onto the options a dependency-injection registration builds.</summary>
    public void ApplyTo(AkeylessClientOptions target)
    {
        var options = Options();
        target.ApiUrl = options.ApiUrl;
        target.AccessId = options.AccessId;
        target.AccessKey = options.AccessKey;
        target.RetryBaseDelay = options.RetryBaseDelay;
        target.MaxRetries = options.MaxRetries;
        target.AttemptTimeout = options.AttemptTimeout;
        target.TotalRequestTimeout = options.TotalRequestTimeout;
    }

    /// <summary>A client with its own pipeline, on the emulator's clock (so its tokens stay valid).</summary>
    public AkeylessClient Client(Action<AkeylessClientOptions>? configure = null) => new(Options(configure), null, Harness.Time);

    public long Count(string command) => Harness.Emulator.Counters.Get(command);

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Target.DisposeAsync();
        await Harness.DisposeAsync();
    }
}
