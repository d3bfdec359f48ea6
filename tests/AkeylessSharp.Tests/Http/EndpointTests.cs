using System.Net;
using System.Text;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Http;

/// <summary>An ApiUrl that does not address the Akeyless API is reported as such, not as a missing item.</summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_ApiUrlOnAPathNothingServes_ThrowsEndpointErrorNamingUrl()
    {
        var apiUrl = new Uri(_harness.Emulator.BaseUrl, "not-the-api/");
        using var client = _harness.Client(o => o.ApiUrl = apiUrl.ToString());

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(nameof(AkeylessClientOptions.ApiUrl), ex.Field);
        Assert.StartsWith(apiUrl.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer as the Akeyless API; check ApiUrl", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task GetSecretAsync_MissingItem_IsStillNotFound()
    {
        using var client = _harness.Client();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/no/such/item").AsTask());
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "text/plain", "404 page not found")]
    [InlineData(HttpStatusCode.NotFound, "application/json", """{"message":"Not Found"}""")]
    [InlineData(HttpStatusCode.MethodNotAllowed, "text/plain", "")]
    [InlineData(HttpStatusCode.Forbidden, "text/html", "<html><body>Forbidden by proxy</body></html>")]
    [InlineData(HttpStatusCode.PermanentRedirect, "text/plain", "")]
    public async Task FromResponseAsync_NotAnAkeylessAnswer_IsEndpointError(HttpStatusCode status, string contentType, string body)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        var ex = await ExceptionFactory.FromResponseAsync(response, "get-secret-value", "/a", new Uri("https://console.example/"), default);

        Assert.IsType<AkeylessEndpointException>(ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.StartsWith("https://console.example/ did not answer as the Akeyless API; check ApiUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponseAsync_AkeylessNotFound_IsNotFound()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":"item /a not found"}""", Encoding.UTF8, "application/json") };

        var ex = await ExceptionFactory.FromResponseAsync(response, "get-secret-value", "/a", new Uri("https://api.akeyless.io/"), default);

        Assert.IsType<AkeylessNotFoundException>(ex);
    }
}
