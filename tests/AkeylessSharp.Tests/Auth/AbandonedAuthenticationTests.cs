using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Tests.Auth;

/// <summary>An authentication every waiting caller gave up on still ends quietly: logged once, never unobserved.</summary>
public sealed class AbandonedAuthenticationTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AuthenticationFailing_AfterItsOnlyCallerCancelled_IsLoggedAndNeverUnobserved_AndTheNextReadAuthenticatesAgain()
    {
        using var unobserved = new UnobservedTaskExceptions();
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var client = _harness.Client(loggerFactory: loggerFactory);
        _harness.Emulator.Faults.AddLatency("auth", TimeSpan.FromMilliseconds(300));
        _harness.Emulator.Faults.FailNext("auth", 1, 401);
        using (var cancel = new CancellationTokenSource())
        {
            var read = client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: cancel.Token).AsTask();
            await WaitUntilAsync(() => _harness.Emulator.Counters.Get("auth") > 0);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        }

        await WaitUntilAsync(() => logs.GetSnapshot().Any(r => r.Id.Name == "AuthenticationFailed"));
        var failure = logs.GetSnapshot().Single(r => r.Id.Name == "AuthenticationFailed").Exception;

        // The next read authenticates again, and the failed authentication is let go.
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.IsType<AkeylessUnauthorizedException>(failure);
        Assert.False(await unobserved.WasUnobservedAfterCollectionAsync(failure));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
