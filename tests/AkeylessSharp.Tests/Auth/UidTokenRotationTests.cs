using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AkeylessSharp.Tests.Auth;

public sealed class UidTokenRotationTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _stored = new();
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Rotation_On_RotatesBeforeTheExchangeAndHandsTheNewTokenToTheStore()
    {
        using var client = Client(TestCredentials.UidToken, TimeSpan.FromMinutes(20));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        var rotated = Assert.Single(_stored);
        Assert.StartsWith("u-", rotated, StringComparison.Ordinal);
        Assert.NotEqual(TestCredentials.UidToken, rotated);
        Assert.Equal(1, _harness.Emulator.Counters.Get("uid-rotate-token"));
        using var stale = Client(TestCredentials.UidToken, rotation: null);
        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => stale.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
    }

    [Fact]
    public async Task Rotation_On_IsAClientSpanAndARequestMeasurementLikeTheAuthCall()
    {
        using var requests = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.requests");
        using var client = Client(TestCredentials.UidToken, TimeSpan.FromMinutes(20));
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var read = spans.Single("akeyless get-secret-value");
        var rotate = spans.Single("akeyless uid-rotate-token");
        Assert.Equal(ActivityKind.Client, rotate.Kind);
        Assert.Equal(read.SpanId, rotate.ParentSpanId);
        Assert.Equal("uid-rotate-token", rotate.GetTagItem("akeyless.command"));
        Assert.Contains(requests.GetMeasurementSnapshot(), m => (string?)m.Tags["akeyless.command"] == "uid-rotate-token" && Equals(m.Tags["server.port"], _harness.Emulator.BaseUrl.Port));
    }

    [Fact]
    public async Task Rotation_On_KeepsWorkingPastTheOriginalUidTokensTtl()
    {
        using var client = Client(TestCredentials.UidToken, TimeSpan.FromMinutes(20));

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
            _harness.Time.Advance(TimeSpan.FromMinutes(21));
        }

        Assert.Equal(8, _harness.Emulator.Counters.Get("uid-rotate-token"));
        Assert.Equal(8, _stored.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Rotation_Off_NeverRotatesAndTheUidTokenExpires()
    {
        using var client = Client(TestCredentials.UidToken, rotation: null);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        _harness.Time.Advance(TimeSpan.FromMinutes(61));

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
        Assert.Equal(0, _harness.Emulator.Counters.Get("uid-rotate-token"));
    }

    [Fact]
    public async Task Rotation_StoredToken_SurvivesARestart()
    {
        using (var first = Client(TestCredentials.UidToken, TimeSpan.FromMinutes(20)))
        {
            await first.GetSecretAsync(EmulatorHarness.StaticPath);
        }

        using var restarted = Client(_stored.Last(), TimeSpan.FromMinutes(20));

        Assert.Equal(EmulatorHarness.StaticValue, await restarted.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(2, _stored.Count);
    }

    [Fact]
    public async Task Rotation_StoreFails_CallFailsTypedAndTheNextCallHandsTheTokenOverAgain()
    {
        var failures = 1;
        using var client = _harness.Client(o => Uid(o, TestCredentials.UidToken, TimeSpan.FromMinutes(20), (token, _) =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                throw new IOException("store down");
            }

            _stored.Enqueue(token);
            return ValueTask.CompletedTask;
        }));

        var ex = await Assert.ThrowsAsync<AkeylessException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
        Assert.Contains("OnUidTokenRotated", ex.Message, StringComparison.Ordinal);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Single(_stored);
        Assert.Equal(2, _harness.Emulator.Counters.Get("uid-rotate-token"));
    }

    [Fact]
    public async Task Rotation_StoreTimesOutOnItsOwn_CallFailsTypedNotAsACancellationTheCallerNeverAsked()
    {
        // A store whose own HTTP call timed out: a TaskCanceledException that no caller's token caused.
        using var client = _harness.Client(o => Uid(o, TestCredentials.UidToken, TimeSpan.FromMinutes(20), (_, _) => ValueTask.FromException(new TaskCanceledException("the vault store timed out"))));

        var ex = await Assert.ThrowsAsync<AkeylessException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("OnUidTokenRotated", ex.Message, StringComparison.Ordinal);
        Assert.IsType<TaskCanceledException>(ex.InnerException);
    }

    [Fact]
    public async Task Rotation_UidTokenRejected_SaysTheCredentialWasRejectedNotAnApiTokenAfterReauthenticating()
    {
        using var client = Client("u-not-a-token-the-emulator-issued", TimeSpan.FromMinutes(20));

        var ex = await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("uid-rotate-token", ex.Command);
        Assert.Contains("rejected the credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("even after authenticating again", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_StoreOutlivesItsGivenUpAuthentication_NextRotationWaitsSoTheLastStoredTokenIsTheLiveOne()
    {
        // A store that ignores the cancellation and finishes late: were the next authentication to rotate meanwhile, the
        // late store would write the token that rotation revoked over the live one, lost at the next restart.
        var firstStoreStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirstStore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var laterStoreCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        using var client = _harness.Client(o => Uid(o, TestCredentials.UidToken, TimeSpan.FromMinutes(20), async (token, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstStoreStarted.SetResult();
                await releaseFirstStore.Task;
            }
            else
            {
                laterStoreCalled.TrySetResult();
            }

            _stored.Enqueue(token);
        }));

        var first = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        await firstStoreStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        _harness.Time.Advance(client.Options.Timeout);
        await Assert.ThrowsAsync<AkeylessTimeoutException>(() => first.WaitAsync(TimeSpan.FromSeconds(20)));

        var second = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        // Bounded: a rotation that does not wait hands its token over at once; one that waits never does before the release.
        await Task.WhenAny(laterStoreCalled.Task, Task.Delay(TimeSpan.FromSeconds(2)));
        releaseFirstStore.SetResult();
        Assert.Equal(EmulatorHarness.StaticValue, await second.WaitAsync(TimeSpan.FromSeconds(20)));

        using var restarted = Client(_stored.Last(), TimeSpan.FromMinutes(20));
        Assert.Equal(EmulatorHarness.StaticValue, await restarted.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Theory]
    [InlineData(FaultMode.Array200)]
    [InlineData(FaultMode.EmptyObject200)]
    public async Task Rotation_AnswerOfTheWrongShape_IsAProtocolError(FaultMode mode)
    {
        await using var proxied = await ProxiedEmulator.StartAsync();
        using var client = proxied.Client(o => Uid(o, TestCredentials.UidToken, TimeSpan.FromMinutes(20), Store));
        proxied.Proxy.Next("uid-rotate-token", mode);

        var ex = await Assert.ThrowsAsync<AkeylessProtocolException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("uid-rotate-token", ex.Command);
        Assert.Contains("no universal identity token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_RequestBody_CarriesOnlyTheUidToken()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder, o => Uid(o, TestCredentials.UidToken, TimeSpan.FromMinutes(20), Store));

        await client.TestConnectionAsync();

        JsonObject body = recorder.Last("uid-rotate-token");
        Assert.Equal(TestCredentials.UidToken, (string?)body["uid-token"]);
        Assert.False(body.ContainsKey("token"));
    }

    private AkeylessClient Client(string uidToken, TimeSpan? rotation) => _harness.Client(o => Uid(o, uidToken, rotation, Store));

    private ValueTask Store(string token, CancellationToken cancellationToken)
    {
        _stored.Enqueue(token);
        return ValueTask.CompletedTask;
    }

    private static void Uid(AkeylessClientOptions o, string uidToken, TimeSpan? rotation, Func<string, CancellationToken, ValueTask> store)
    {
        o.AccessType = AkeylessAccessType.UniversalIdentity;
        o.AccessId = TestCredentials.UidAccessId;
        o.AccessKey = null;
        o.UidToken = uidToken;
        o.UidTokenRotationInterval = rotation;
        o.OnUidTokenRotated = store;
    }
}
