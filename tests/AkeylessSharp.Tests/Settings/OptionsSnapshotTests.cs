using System.Reflection;
using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Tests.Settings;

/// <summary>
/// A client keeps its own copy of its options: an options object changed after the client was built (to build a
/// second client for another account, or by mistake) never changes the first client's credentials or limits.
/// </summary>
public sealed class OptionsSnapshotTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task OptionsReusedForAnotherAccount_LeaveTheFirstClientOnItsOwnCredentials()
    {
        var options = _harness.Options();
        using var admin = new AkeylessClient(options, null, _harness.Time);
        options.AccessId = TestCredentials.ReaderAccessId;
        options.AccessKey = TestCredentials.ReaderAccessKey;
        using var reader = new AkeylessClient(options, null, _harness.Time);

        // Only the first account may read outside /app: the reader's role stops at /app/*.
        var rotated = await admin.GetRotatedSecretAsync(EmulatorHarness.RotatedPath);
        await Assert.ThrowsAsync<AkeylessForbiddenException>(() => reader.GetRotatedSecretAsync(EmulatorHarness.RotatedPath));

        Assert.Equal("svc_app", rotated.Username);
        Assert.Equal(_harness.Emulator.AccessId, admin.Options.AccessId);
    }

    [Fact]
    public async Task OptionsChangedAfterConstruction_ToInvalidValues_DoNotReachTheClient()
    {
        var options = _harness.Options();
        using var client = new AkeylessClient(options, null, _harness.Time);
        options.Timeout = TimeSpan.FromSeconds(-5);
        options.AccessKey = null;
        options.ApiUrl = "http://127.0.0.2:1";

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task OptionsProperty_IsACopy_ChangingItChangesNothing()
    {
        using var client = _harness.Client();
        client.Options.AccessKey = "not-the-key";
        client.Options.Timeout = TimeSpan.Zero;

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(_harness.Emulator.AccessKey, client.Options.AccessKey);
        Assert.NotSame(client.Options, client.Options);
    }

    [Fact]
    public void Copy_HasEverySetting_AndItsOwnCacheOptions()
    {
        var options = SettingsCopy.WithNonDefaultValues(new AkeylessClientOptions(), ValueFor, NotTheCacheOptions);
        options.Cache = SettingsCopy.WithNonDefaultValues(new AkeylessCacheOptions(), ValueFor);
        options.Cache.PreviousEncryptionKeys["k0"] = Convert.ToBase64String(new byte[32]);

        var copy = options.Snapshot();

        SettingsCopy.AssertCopied(options, copy, NotTheCacheOptions);
        Assert.NotSame(options.Cache, copy.Cache);
        SettingsCopy.AssertCopied(options.Cache, copy.Cache!);
        Assert.NotSame(options.Cache.PreviousEncryptionKeys, copy.Cache!.PreviousEncryptionKeys);
        Assert.Equal(options.Cache.PreviousEncryptionKeys, copy.Cache.PreviousEncryptionKeys);
    }

    private static bool NotTheCacheOptions(PropertyInfo property) => property.PropertyType != typeof(AkeylessCacheOptions);

    private static object ValueFor(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(Func<string, CancellationToken, ValueTask>) => new Func<string, CancellationToken, ValueTask>(static (_, _) => ValueTask.CompletedTask),
            _ when underlying == typeof(Func<System.Security.Cryptography.X509Certificates.X509Certificate2?, System.Security.Cryptography.X509Certificates.X509Chain?, System.Net.Security.SslPolicyErrors, bool>) =>
                new Func<System.Security.Cryptography.X509Certificates.X509Certificate2?, System.Security.Cryptography.X509Certificates.X509Chain?, System.Net.Security.SslPolicyErrors, bool>(static (_, _, _) => true),
            _ when underlying == typeof(ISecretCache) => new MemorySecretCache(),
            _ when underlying == typeof(ISecretFetchLock) => new UnusedFetchLock(),
            _ => throw new InvalidOperationException($"No test value for {name} ({type}): add one."),
        };
    }

    private sealed class UnusedFetchLock : ISecretFetchLock
    {
        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
