using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

public sealed class DynamicAndRotatedSecretTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetDynamicSecretAsync_Producer_ReturnsCredentialsWithLease()
    {
        using var client = _harness.Client();

        var secret = await client.GetDynamicSecretAsync(EmulatorHarness.DynamicPath, new DynamicSecretRequestOptions
        {
            Arguments = new Dictionary<string, string> { ["role"] = "ro" },
            ProducerTimeout = TimeSpan.FromSeconds(20),
        });

        Assert.StartsWith("tmp_", secret.Username, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(secret.Password));
        Assert.Equal(TimeSpan.FromHours(1), secret.Ttl);
        Assert.Equal(_harness.Time.GetUtcNow().AddHours(1), secret.ExpiresAt);
        Assert.True(secret.Fields.TryGetProperty("expiration", out _));
    }

    [Fact]
    public async Task GetRotatedSecretAsync_PasswordRotator_ReturnsUserAndPassword()
    {
        using var client = _harness.Client();

        var secret = await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath);

        Assert.Equal("svc_app", secret.Username);
        Assert.Equal("R0tated!", secret.Password);
    }

    [Fact]
    public async Task GetRotatedSecretAsync_ArgsAndHost_AreSentAndTheHostsValueReturned()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        var secret = await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions
        {
            Arguments = new Dictionary<string, string> { ["region"] = "eu", ["ttl"] = "60" },
            Host = "db-2.internal",
        });

        var body = recorder.Last("get-rotated-secret-value");
        Assert.Equal("db-2.internal", (string?)body["host"]);
        Assert.Equal(["region=eu", "ttl=60"], body["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("db-2.internal", secret.Fields.GetProperty("host").GetString());
        Assert.Equal("svc_app", secret.Username);
    }

    [Fact]
    public async Task GetRotatedSecretAsync_PlainOptions_SendsNeitherArgsNorHost()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new SecretRequestOptions());

        var body = recorder.Last("get-rotated-secret-value");
        Assert.False(body.ContainsKey("host"));
        Assert.False(body.ContainsKey("args"));
    }

    [Fact]
    public async Task GetRotatedSecretAsync_CachedPerHost_DoesNotServeOneHostsValueForAnother()
    {
        using var client = _harness.Client(o => o.Cache = new AkeylessSharp.Caching.AkeylessCacheOptions { RotatedSecretTtl = TimeSpan.FromMinutes(5) });

        var first = await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions { Host = "a" });
        var second = await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions { Host = "b" });

        Assert.Equal("a", first.Fields.GetProperty("host").GetString());
        Assert.Equal("b", second.Fields.GetProperty("host").GetString());
    }

    [Theory]
    [InlineData(EmulatorHarness.StaticPath, AkeylessItemType.StaticSecret)]
    [InlineData(EmulatorHarness.DynamicPath, AkeylessItemType.DynamicSecret)]
    [InlineData(EmulatorHarness.RotatedPath, AkeylessItemType.RotatedSecret)]
    public async Task GetAsync_AnyKind_DetectsTypeOnce(string path, AkeylessItemType expected)
    {
        using var client = _harness.Client();

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(expected, first.Type);
        Assert.Equal(expected, second.Type);
        Assert.Equal(1, _harness.Emulator.Counters.Get("describe-item"));
        Assert.DoesNotContain(first.Value, first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RotatedWithJsonAttribute_SelectsField()
    {
        using var client = _harness.Client();

        var value = await client.GetAsync(EmulatorHarness.RotatedPath, new SecretRequestOptions { JsonAttribute = "username" });

        Assert.Equal("svc_app", value.Value);
    }

    [Fact]
    public async Task GetAsync_SshIssuer_ThrowsNamingType()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessException>(() => client.GetAsync(EmulatorHarness.SshIssuerPath));

        Assert.Contains("SshCertificateIssuer", ex.Message, StringComparison.Ordinal);
    }
}
