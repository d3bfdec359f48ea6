using AkeylessSharp.Auth;
using AkeylessSharp.Auth.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.Auth;

public sealed class TokenManagerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetTokenAsync_CachedTokenOutsideBuffer_DoesNotAuthenticateAgain()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        var first = await manager.GetTokenAsync(default);
        _time.Advance(TimeSpan.FromMinutes(54));
        var second = await manager.GetTokenAsync(default);

        Assert.Equal(first, second);
        Assert.Equal(1, auth.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_TokenAlreadyExpiredWhenIssued_IsUsedOnceAndEveryCallAuthenticates()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1), expiresAt: DateTimeOffset.UnixEpoch);
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        var first = await manager.GetTokenAsync(default);
        var second = await manager.GetTokenAsync(default);

        Assert.Equal(("t-1", "t-2"), (first.Value, second.Value));
        Assert.Equal(2, auth.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_WithinRefreshBuffer_AuthenticatesAgain()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        var first = await manager.GetTokenAsync(default);
        _time.Advance(TimeSpan.FromMinutes(55));
        var second = await manager.GetTokenAsync(default);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(2, auth.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_BufferLongerThanHalfLifetime_IsCappedAtHalf()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromMinutes(2));
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        await manager.GetTokenAsync(default);
        _time.Advance(TimeSpan.FromSeconds(59));
        await manager.GetTokenAsync(default);

        Assert.Equal(1, auth.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_HundredConcurrentCallers_ShareOneAuthentication()
    {
        var gate = new TaskCompletionSource();
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1), gate.Task);
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        var calls = Enumerable.Range(0, 100).Select(_ => manager.GetTokenAsync(default).AsTask()).ToArray();
        gate.SetResult();
        var tokens = await Task.WhenAll(calls);

        Assert.Equal(1, auth.Calls);
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task GetTokenAsync_OneCallerCancels_SharedAuthenticationCompletesForOthers()
    {
        var gate = new TaskCompletionSource();
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1), gate.Task);
        var manager = Create(auth, TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();

        var cancelled = manager.GetTokenAsync(cts.Token).AsTask();
        var other = manager.GetTokenAsync(default).AsTask();
        await cts.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.StartsWith("t-", (await other).Value, StringComparison.Ordinal);
        Assert.Equal(1, auth.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_AuthenticationFails_NextCallTriesAgain()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1)) { FailNext = true };
        var manager = Create(auth, TimeSpan.FromMinutes(5));

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => manager.GetTokenAsync(default).AsTask());
        var token = await manager.GetTokenAsync(default);

        Assert.Equal(2, auth.Calls);
        Assert.StartsWith("t-", token.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_CurrentToken_ForcesAuthentication()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        var manager = Create(auth, TimeSpan.FromMinutes(5));
        var first = await manager.GetTokenAsync(default);

        manager.Invalidate(first);
        var second = await manager.GetTokenAsync(default);

        Assert.NotEqual(first.Value, second.Value);
    }

    [Fact]
    public async Task Invalidate_StaleToken_KeepsNewerToken()
    {
        var auth = new CountingAuthenticator(_time, TimeSpan.FromHours(1));
        var manager = Create(auth, TimeSpan.FromMinutes(5));
        var stale = new AkeylessToken("t-stale", _time.GetUtcNow());
        await manager.GetTokenAsync(default);

        manager.Invalidate(stale);
        await manager.GetTokenAsync(default);

        Assert.Equal(1, auth.Calls);
    }

    [Fact]
    public void ToString_Token_HidesValue()
    {
        var token = new AkeylessToken("t-secret-token", _time.GetUtcNow());

        Assert.DoesNotContain("t-secret-token", token.ToString(), StringComparison.Ordinal);
    }

    private TokenManager Create(IAkeylessAuthenticator auth, TimeSpan buffer) =>
        new(auth, _time, buffer, TimeSpan.FromSeconds(100), AkeylessAccessType.ApiKey, NullLogger.Instance);

    private sealed class CountingAuthenticator(TimeProvider time, TimeSpan lifetime, Task? gate = null, DateTimeOffset? expiresAt = null) : IAkeylessAuthenticator
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool FailNext { get; set; }

        public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            if (gate is not null)
            {
                await gate;
            }

            if (FailNext)
            {
                FailNext = false;
                throw new AkeylessUnauthorizedException("no", "auth");
            }

            return new AkeylessToken($"t-{n}", expiresAt ?? time.GetUtcNow() + lifetime);
        }
    }
}
