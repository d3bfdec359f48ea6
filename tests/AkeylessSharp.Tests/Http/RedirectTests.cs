using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.Http;

/// <summary>A redirect is never followed: no credential (access key, token) reaches another origin.</summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private ProxiedEmulator _env = null!;

    public async Task InitializeAsync() => _env = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Theory]
    [InlineData(FaultMode.Redirect307, "auth")]
    [InlineData(FaultMode.Redirect307, "get-secret-value")]
    [InlineData(FaultMode.Redirect302, "get-secret-value")]
    public async Task OwnedClient_Redirect_ThrowsEndpointErrorAndTargetReceivesNothing(FaultMode mode, string command)
    {
        using var client = _env.Client();
        _env.Proxy.Next(command, mode);

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        AssertNamesTarget(ex, command);
        Assert.Equal(0, _env.Target.Connections);
    }

    [Fact]
    public async Task DependencyInjectionClient_Redirect_ThrowsEndpointErrorAndTargetReceivesNothing()
    {
        var services = new ServiceCollection();
        services.AddAkeyless(_env.ApplyTo);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();
        _env.Proxy.Next("auth", FaultMode.Redirect307);

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        AssertNamesTarget(ex, "auth");
        Assert.Equal(0, _env.Target.Connections);
    }

    [Theory]
    [InlineData(FaultMode.Redirect307, "auth")]
    [InlineData(FaultMode.Redirect307, "get-secret-value")]
    [InlineData(FaultMode.Redirect302, "auth")]
    [InlineData(FaultMode.Redirect302, "get-secret-value")]
    public async Task CallerHttpClientFollowingRedirects_Redirect_ThrowsEndpointErrorAndSendsNoCredential(FaultMode mode, string command)
    {
        // HttpClientHandler follows redirects by default: 307 keeps the POST and its body, 302 turns it into a bodiless GET.
        using var http = new HttpClient();
        using var client = new AkeylessClient(http, _env.Options(), null, _env.Harness.Time, null);
        if (command != "auth")
        {
            Assert.True((await client.TestConnectionAsync()).Success);
        }

        _env.Proxy.Next(command, mode);

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(command, ex.Command);
        var received = _env.Target.ReceivedText;
        Assert.DoesNotContain(_env.Harness.Emulator.AccessKey, received, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", received, StringComparison.Ordinal);
        // What the other origin may see: at most a request line and headers (the client sends credentials only in bodies).
        Assert.DoesNotContain("{", received, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("get-secret-value")]
    public async Task CallerHttpClientWithStandardHedging_Redirect307_SendsNoCredential(string command)
    {
        // The standard hedging handler sends a copy of each request (same body object) through a primary handler that
        // follows redirects by default: the copy's URI is the one the redirect rewrites.
        var services = new ServiceCollection();
        services.AddHttpClient("hedged").AddStandardHedgingHandler();
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("hedged");
        using var client = new AkeylessClient(http, _env.Options(), null, _env.Harness.Time, null);
        if (command != "auth")
        {
            Assert.True((await client.TestConnectionAsync()).Success);
        }

        _env.Proxy.Next(command, FaultMode.Redirect307, count: 10);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(command, ex.Command);
        var received = _env.Target.ReceivedText;
        Assert.DoesNotContain(_env.Harness.Emulator.AccessKey, received, StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\"", received, StringComparison.Ordinal);
        Assert.DoesNotContain("{", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerHttpClientWithStandardHedging_HedgedCopyFollowsCrossOriginRedirect_ErrorSaysTheCredentialWasSentThere()
    {
        // The hedging handler sends copies of the request (same body object) after a failed first attempt; its primary
        // handler follows redirects by default. The copy's redirect is invisible to the body, so what went there must at
        // least be said: the error names the origin the request reached and asks to rotate the credential.
        var services = new ServiceCollection();
        services.AddHttpClient("hedged").AddStandardHedgingHandler();
        await using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("hedged");
        using var client = new AkeylessClient(http, _env.Options(), null, _env.Harness.Time, null);
        _env.Proxy.Next("auth", FaultMode.ServiceUnavailable);
        _env.Proxy.Next("auth", FaultMode.Redirect307, count: 10);

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains(_env.Harness.Emulator.AccessKey, _env.Target.ReceivedText, StringComparison.Ordinal);
        Assert.Equal("auth", ex.Command);
        Assert.Equal(_env.Target.BaseUrl.Port, ex.Location?.Port);
        Assert.DoesNotContain("no credential was sent", ex.Message, StringComparison.Ordinal);
        Assert.Contains("was sent to " + _env.Target.BaseUrl.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowAutoRedirect", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_env.Harness.Emulator.AccessKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PrimaryHandler_NeverFollowsRedirects()
    {
        using var handler = AkeylessSharp.Http.Internal.PrimaryHandlerFactory.Create(null);
        using var own = AkeylessSharp.Http.Internal.PrimaryHandlerFactory.Create(_env.Options(o => o.ServerCertificateValidation = (_, _, _) => true));

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(own.AllowAutoRedirect);
        Assert.False(AkeylessSharp.Http.Internal.PrimaryHandlerFactory.Get(_env.Options()).AllowAutoRedirect);
    }

    private void AssertNamesTarget(AkeylessEndpointException ex, string command)
    {
        Assert.Equal(command, ex.Command);
        Assert.Equal(nameof(AkeylessClientOptions.ApiUrl), ex.Field);
        Assert.Equal(_env.Target.BaseUrl.Port, ex.Location?.Port);
        Assert.Contains(_env.Target.BaseUrl.Authority, ex.Message, StringComparison.Ordinal);
        Assert.Contains("check ApiUrl", ex.Message, StringComparison.Ordinal);
    }
}
