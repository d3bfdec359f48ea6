using AkeylessSharp.Caching.Tests.Infrastructure;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>The real <see cref="AkeylessClient"/> with its cache on, against the emulator's request counters.</summary>
public sealed class ClientCachingTests : IAsyncLifetime
{
    private static readonly string[] Paths = ClientFixture.Paths;
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 100)]
    public async Task ThousandConcurrentColdGets_OfHundredPaths_OneAuth_BoundedRequests(bool batching, int maxRequests)
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = batching });

        var reads = Enumerable.Range(0, 1000).Select(i => client.GetSecretAsync(Paths[i % 100]).AsTask()).ToArray();
        _fixture.Clock.Advance(TimeSpan.FromMilliseconds(2));
        string[] values = await Task.WhenAll(reads);

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"e2e-value-{i % 100}"), values);
        Assert.Equal(1, _fixture.Requests("auth"));
        Assert.InRange(_fixture.Requests("get-secret-value"), 1, maxRequests);
    }

    [Fact]
    public async Task Hits_DoNotReachAkeyless_Refresh_Does_AndOwnWritesAreSeen()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0]));
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0]));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0], new SecretRequestOptions { Refresh = true }));
        Assert.Equal(2, _fixture.Requests("get-secret-value"));

        await client.UpdateSecretValueAsync(Paths[0], "updated");
        Assert.Equal("updated", await client.GetSecretAsync(Paths[0]));
    }

    [Fact]
    public async Task OwnCreateAndDelete_AreSeenAtOnce_TheDeletedValueIsNeverServedFromTheCache()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        var path = "/e2e/deleted-" + Guid.NewGuid().ToString("N");
        Assert.Null(await client.TryGetSecretAsync(path));

        await client.CreateSecretAsync(path, "created");
        Assert.Equal("created", await client.GetSecretAsync(path));
        Assert.Equal("created", await client.GetSecretAsync(path));
        await client.DeleteItemAsync(path);

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync(path).AsTask());
        Assert.Null(await client.TryGetSecretAsync(path));
    }

    [Fact]
    public async Task VersionAndJsonAttribute_AreCachedUnderTheirOwnKeys()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        var attribute = new SecretRequestOptions { JsonAttribute = "db.password" };

        Assert.Equal("json-pw", await client.GetSecretAsync(ClientFixture.JsonPath, attribute));
        Assert.Equal("json-pw", await client.GetSecretAsync(ClientFixture.JsonPath, attribute));
        Assert.StartsWith("{", await client.GetSecretAsync(ClientFixture.JsonPath), StringComparison.Ordinal);
        Assert.Equal(2, _fixture.Requests("get-secret-value"));

        // A write evicts the variants too.
        await client.UpdateSecretValueAsync(ClientFixture.JsonPath, """{"db":{"password":"new-pw"}}""");
        Assert.Equal("new-pw", await client.GetSecretAsync(ClientFixture.JsonPath, attribute));
    }

    [Fact]
    public async Task GetSecrets_ServesHitsAndBatchesMisses()
    {
        var client = _fixture.Client(new AkeylessCacheOptions());
        var first = await client.GetSecretsAsync(Paths.Take(50));
        var all = await client.GetSecretsAsync(Paths);

        Assert.Equal(100, all.Count);
        Assert.Equal("e2e-value-77", all[Paths[77]]);
        Assert.Equal(50, first.Count);
        Assert.Equal(2, _fixture.Requests("get-secret-value"));
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretsAsync([Paths[0], "/e2e/missing"]));
    }

    [Fact]
    public async Task GetSecrets_WithAJsonAttribute_IsCachedUnderTheAttributeKeys_AndMissesShareOneRequest()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        string[] jsonPaths = ["/cfg/a", "/cfg/b", "/cfg/c"];
        foreach (string path in jsonPaths)
        {
            await client.CreateSecretAsync(path, $$$"""{"db":{"password":"pw{{{path[^1]}}}"}}""");
        }

        var attribute = new SecretRequestOptions { JsonAttribute = "db.password" };
        var first = await client.GetSecretsAsync(jsonPaths, attribute);
        Assert.Equal(["pwa", "pwb", "pwc"], jsonPaths.Select(p => first[p]));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        Assert.Equal(first, await client.GetSecretsAsync(jsonPaths, attribute));
        Assert.Equal("pwb", await client.GetSecretAsync("/cfg/b", attribute));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        // The attribute's keys are not the whole value's: that one is read (once, for both paths).
        var whole = await client.GetSecretsAsync(jsonPaths.Take(2));
        Assert.StartsWith("{", whole["/cfg/a"], StringComparison.Ordinal);
        Assert.Equal(2, _fixture.Requests("get-secret-value"));

        await Assert.ThrowsAsync<AkeylessJsonAttributeException>(() => client.GetSecretsAsync(jsonPaths, new SecretRequestOptions { JsonAttribute = "db.user" }));
    }

    [Fact]
    public async Task GetSecrets_WithATimeout_OrAVersion_StillUsesTheCache()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        string[] paths = Paths[..5];

        await client.GetSecretsAsync(paths, new SecretRequestOptions { Timeout = TimeSpan.FromSeconds(20) });
        Assert.Equal("e2e-value-3", await client.GetSecretAsync(Paths[3])); // the same key as a plain read
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        await client.UpdateSecretValueAsync(Paths[0], "second", keepPreviousVersion: true);
        var versionOne = new SecretRequestOptions { Version = 1 };
        Assert.Equal("e2e-value-0", (await client.GetSecretsAsync([Paths[0], Paths[1]], versionOne))[Paths[0]]);
        Assert.Equal("e2e-value-0", (await client.GetSecretsAsync([Paths[0], Paths[1]], versionOne))[Paths[0]]);
        Assert.Equal("second", await client.GetSecretAsync(Paths[0]));
        Assert.Equal(3, _fixture.Requests("get-secret-value"));

        // Refresh goes to Akeyless even for a cached variant.
        await client.GetSecretsAsync([Paths[0]], new SecretRequestOptions { Version = 1, Refresh = true });
        Assert.Equal(4, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task GetSecrets_WithOptions_AndAMissingPath_FailsLikeAnUncachedRead_ButCachesThePathsThatExist()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        var options = new SecretRequestOptions { Timeout = TimeSpan.FromSeconds(20) };

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretsAsync([Paths[0], "/no/such/secret", Paths[1]], options));
        long afterFailure = _fixture.Requests("get-secret-value");

        Assert.Equal(2, (await client.GetSecretsAsync([Paths[0], Paths[1]], options)).Count);
        Assert.Equal(afterFailure, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task TryGet_MissingPath_ReturnsNull_AndOthersStillCache()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        Assert.Null(await client.TryGetSecretAsync("/e2e/missing"));
        Assert.Equal("e2e-value-1", await client.TryGetSecretAsync(Paths[1]));
    }

    [Fact]
    public async Task DynamicSecret_IsCachedUntilLeaseMinusBuffer()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { DynamicSecretRefreshBuffer = TimeSpan.FromMinutes(5) });
        var first = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath);
        var second = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath);
        Assert.Equal(first.Username, second.Username);
        Assert.Equal(first.ExpiresAt, second.ExpiresAt);
        Assert.Equal(1, _fixture.Requests("get-dynamic-secret-value"));

        var refreshed = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath, new DynamicSecretRequestOptions { Refresh = true });
        Assert.NotEqual(first.Username, refreshed.Username);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(55));
        var renewed = await client.GetDynamicSecretAsync(ClientFixture.DynamicPath);
        Assert.NotEqual(refreshed.Username, renewed.Username);
        Assert.Equal(3, _fixture.Requests("get-dynamic-secret-value"));
    }

    [Fact]
    public async Task RotatedSecret_AndGetAsync_AreCached()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        var rotated = await client.GetRotatedSecretAsync(ClientFixture.RotatedPath);
        Assert.Equal("svc", (await client.GetRotatedSecretAsync(ClientFixture.RotatedPath)).Username);
        Assert.Equal(rotated.Password, (await client.GetRotatedSecretAsync(ClientFixture.RotatedPath)).Password);
        Assert.Equal(1, _fixture.Requests("get-rotated-secret-value"));

        var any = await client.GetAsync(Paths[5]);
        Assert.Equal("e2e-value-5", any.Value);
        Assert.Equal("e2e-value-5", (await client.GetAsync(Paths[5])).Value);
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task ServiceOutage_AfterExpiry_ServesStaleUpToMaxStale()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false, MaxStale = TimeSpan.FromMinutes(10) });
        await client.GetSecretAsync(Paths[2]);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        _fixture.Emulator.Faults.FailNext("get-secret-value", 5, 503);
        Assert.Equal("e2e-value-2", await client.GetSecretAsync(Paths[2]));

        _fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAnyAsync<AkeylessException>(async () => await client.GetSecretAsync(Paths[2]));
    }

    [Fact]
    public async Task WithoutCacheOptions_EveryReadGoesToAkeyless()
    {
        var client = _fixture.Client(cache: null);
        await client.GetSecretAsync(Paths[0]);
        await client.GetSecretAsync(Paths[0]);
        Assert.Equal(2, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task MemoryHit_ThroughTheClient_CompletesSynchronously_WithoutAllocating()
    {
        var client = _fixture.Client(new AkeylessCacheOptions { BatchingEnabled = false });
        await client.GetSecretAsync(Paths[0]);
        for (int i = 0; i < 100; i++)
        {
            _ = client.GetSecretAsync(Paths[0]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(client.GetSecretAsync(Paths[0]).IsCompletedSuccessfully);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task GetSecrets_AllHits_WithDuplicates_AnswersEachPathOnce_FromTheCache()
    {
        var client = _fixture.Client(new AkeylessCacheOptions());
        await client.GetSecretsAsync(Paths.Take(3));

        var values = await client.GetSecretsAsync(new List<string> { Paths[2], Paths[0], Paths[2], Paths[1] });
        var lazy = await client.GetSecretsAsync(Paths.Take(3).Concat(Paths.Take(1)));

        Assert.Equal(Paths.Take(3).Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("e2e-value-2", values[Paths[2]]);
        Assert.Equal(3, lazy.Count);
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task GetSecrets_OfASequenceThatCanBeReadOnlyOnce_WithAMiss_ReadsItOnce()
    {
        var client = _fixture.Client(new AkeylessCacheOptions());
        await client.GetSecretsAsync(Paths.Take(3));

        var values = await client.GetSecretsAsync(new ReadOnce(Paths.Take(5)));

        Assert.Equal(5, values.Count);
        Assert.Equal("e2e-value-4", values[Paths[4]]);
        Assert.Equal(2, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task GetSecrets_AllHits_AllocatesOnlyItsResultDictionary()
    {
        var client = _fixture.Client(new AkeylessCacheOptions());
        await client.GetSecretsAsync(Paths);
        for (int i = 0; i < 20; i++)
        {
            _ = client.GetSecretsAsync(Paths);
        }

        long dictionary = GC.GetAllocatedBytesForCurrentThread();
        var same = new Dictionary<string, string>(Paths.Length, StringComparer.Ordinal);
        foreach (string path in Paths)
        {
            same[path] = path;
        }

        dictionary = GC.GetAllocatedBytesForCurrentThread() - dictionary;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Assert.True(client.GetSecretsAsync(Paths).IsCompletedSuccessfully);
        }

        long perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        Assert.InRange(perRead, dictionary, dictionary + 256);
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    private sealed class ReadOnce(IEnumerable<string> items) : IEnumerable<string>
    {
        private int _reads;

        public IEnumerator<string> GetEnumerator() =>
            Interlocked.Increment(ref _reads) == 1 ? items.GetEnumerator() : throw new InvalidOperationException("Read twice.");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
