using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests;

public sealed class StaticSecretTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_ExistingPath_ReturnsValue()
    {
        using var client = _harness.Client();

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task GetSecretAsync_Version_ReturnsThatVersion()
    {
        using var client = _harness.Client();

        Assert.Equal("old-value", await client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Version = 1 }));
    }

    [Fact]
    public async Task GetSecretAsync_MissingPath_ThrowsNotFound()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/nope").AsTask());

        Assert.Equal("/nope", ex.Path);
        Assert.Equal("get-secret-value", ex.Command);
    }

    [Fact]
    public async Task TryGetSecretAsync_MissingPath_ReturnsNull()
    {
        using var client = _harness.Client();

        Assert.Null(await client.TryGetSecretAsync("/nope"));
        Assert.Equal(EmulatorHarness.StaticValue, await client.TryGetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task GetSecretsAsync_ManyPaths_UsesOneRequest()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();

        var values = await client.GetSecretsAsync([EmulatorHarness.StaticPath, "/app/other", "/app/other"]);

        Assert.Equal(2, values.Count);
        Assert.Equal("other", values["/app/other"]);
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretsAsync_NoPaths_SendsNothing()
    {
        using var client = _harness.Client();

        Assert.Empty(await client.GetSecretsAsync([]));
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task GetSecretsAsync_OneMissing_ThrowsNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretsAsync([EmulatorHarness.StaticPath, "/missing"]));
    }

    [Fact]
    public async Task GetSecretAsync_JsonAttribute_ReturnsAttribute()
    {
        using var client = _harness.Client();

        var value = await client.GetSecretAsync(EmulatorHarness.JsonPath, new SecretRequestOptions { JsonAttribute = "db.password" });

        Assert.Equal("json-pw", value);
    }

    [Fact]
    public async Task GetSecretAsync_JsonAttributeInsideAJsonEncodedField_ReturnsItLikeClearskies()
    {
        using var client = _harness.Client();
        await client.CreateSecretAsync("/app/encoded", """{"conn":"{\"password\":\"inner-pw\"}"}""", new CreateSecretOptions { Format = "json" });

        var value = await client.GetSecretAsync("/app/encoded", new SecretRequestOptions { JsonAttribute = "conn.password" });

        Assert.Equal("inner-pw", value);
    }

    [Fact]
    public async Task GetSecretAsync_JsonAttributeOnText_ThrowsWithoutValue()
    {
        using var client = _harness.Client();

        var ex = await Assert.ThrowsAsync<AkeylessJsonAttributeException>(
            () => client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { JsonAttribute = "a" }).AsTask());

        Assert.DoesNotContain(EmulatorHarness.StaticValue, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretAsync_IgnoreGatewayCache_Succeeds()
    {
        using var client = _harness.Client();

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { IgnoreGatewayCache = true }));
    }

    [Fact]
    public async Task GetSecretAsync_GatewayStyleBase_Works()
    {
        using var client = _harness.Client(o => o.ApiUrl = _harness.Emulator.BaseUrl + "api/v2");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task GetSecretAsync_ReadOnlyRoleOutsideItsPath_ThrowsForbidden()
    {
        using var client = _harness.Client(o => { o.AccessId = TestCredentials.ReaderAccessId; o.AccessKey = TestCredentials.ReaderAccessKey; });

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        await Assert.ThrowsAsync<AkeylessForbiddenException>(() => client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath));
    }
}
