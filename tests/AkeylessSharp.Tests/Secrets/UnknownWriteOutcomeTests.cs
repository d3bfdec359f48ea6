using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Secrets;

/// <summary>
/// A write whose answer is lost after Akeyless applied it fails for its caller, but the client's cache must not keep
/// serving the value from before it: the write may have happened.
/// </summary>
public sealed class UnknownWriteOutcomeTests : IAsyncLifetime
{
    private ProxiedEmulator _env = null!;

    public async Task InitializeAsync() => _env = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task UpdateWhoseAnswerIsLost_AfterItWasApplied_IsSeenByTheNextCachedRead()
    {
        using var client = _env.Client(o => o.Cache = new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        _env.Proxy.Next("update-secret-val", FaultMode.ResetBeforeHeaders);

        await Assert.ThrowsAnyAsync<AkeylessException>(() => client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "updated"));

        Assert.Equal("updated", await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task DeleteWhoseAnswerIsLost_AfterItWasApplied_IsSeenByTheNextCachedRead()
    {
        using var client = _env.Client(o => o.Cache = new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Equal("other", await client.GetSecretAsync("/app/other"));
        _env.Proxy.Next("delete-item", FaultMode.ResetBeforeHeaders);

        await Assert.ThrowsAnyAsync<AkeylessException>(() => client.DeleteItemAsync("/app/other"));

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/app/other").AsTask());
    }
}
