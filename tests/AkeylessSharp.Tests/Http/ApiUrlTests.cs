using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Tests.Http;

public sealed class ApiUrlTests
{
    [Theory]
    [InlineData("https://api.akeyless.io", "https://api.akeyless.io/")]
    [InlineData("api.akeyless.io", "https://api.akeyless.io/")]
    [InlineData("https://gw:8000/api/v2/", "https://gw:8000/api/v2/")]
    [InlineData("gw:8080/v2", "https://gw:8080/v2/")]
    [InlineData("https://gw:8081", "https://gw:8081/")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/")]
    public void TryNormalize_AcceptedForm_ReturnsBaseEndingInSlash(string input, string expected)
    {
        Assert.True(ApiUrl.TryNormalize(input, out var uri, out var error), error);
        Assert.Equal(expected, uri!.ToString());
    }

    [Theory]
    [InlineData("https://gw:8000", "/api/v2")]
    [InlineData("https://gw:8000/v2", "/api/v2")]
    [InlineData("https://api.akeyless.io/get-secret-value", "without a command")]
    [InlineData("https://gw:8081/auth/", "without a command")]
    [InlineData("https://api.akeyless.io?x=1", "query")]
    [InlineData("ftp://api.akeyless.io", "http(s)")]
    [InlineData("https://user:pw@api.akeyless.io", "must not hold user information ('user:password@')")]
    [InlineData("https://user@gw:8080/v2", "use https://gw:8080/v2")]
    public void TryNormalize_WrongForm_SaysWhichFormToUse(string input, string expected)
    {
        Assert.False(ApiUrl.TryNormalize(input, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:hunter2@api.akeyless.io/")]
    [InlineData("user:hunter2@api.akeyless.io")]
    [InlineData("https://user:hunter2@gw:8000")]
    [InlineData("ftp://user:hunter2@api.akeyless.io")]
    [InlineData("https://user:hunter2@[::1")]
    public void UserInformation_NeverShownInTheErrorNorInTheOptions(string input)
    {
        var options = new AkeylessClientOptions { ApiUrl = input, AccessId = "p-abc", AccessKey = "key" };

        var ex = Assert.Throws<AkeylessConfigurationException>(() => new AkeylessClient(options));

        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("***@", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://gw:8000/api/v2", "https://gw:8000")]
    [InlineData("https://gw:8080/v2", "https://gw:8080")]
    public void GatewayRoot_GatewayBase_StripsApiPath(string input, string expected)
    {
        ApiUrl.TryNormalize(input, out var uri, out _);

        Assert.Equal(expected, ApiUrl.GatewayRoot(uri!));
    }
}
