using System.Net;
using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Tests.Errors;

public sealed class ExceptionFactoryTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, typeof(AkeylessNotFoundException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(AkeylessUnauthorizedException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(AkeylessForbiddenException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(AkeylessBadRequestException))]
    [InlineData(HttpStatusCode.Conflict, typeof(AkeylessConflictException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(AkeylessServiceUnavailableException))]
    public void FromStatus_Status_MapsToType(HttpStatusCode status, Type expected)
    {
        var ex = ExceptionFactory.FromStatus(status, "get-secret-value", "/a/b", "item /a/b not found");

        Assert.IsType(expected, ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("get-secret-value", ex.Command);
        Assert.Equal("/a/b", ex.Path);
        Assert.Equal("item /a/b not found", ex.ServiceMessage);
        Assert.Contains("/a/b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponseAsync_ErrorBody_ReadsServiceMessage()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"error":"access denied"}""") };

        var ex = await ExceptionFactory.FromResponseAsync(response, "describe-item", "/x", null, default);

        Assert.IsType<AkeylessForbiddenException>(ex);
        Assert.Equal("access denied", ex.ServiceMessage);
        Assert.Contains("Check the role rules", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponseAsync_HtmlBody_KeepsTruncatedText()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>" + new string('x', 2000) + "</html>") };

        var ex = await ExceptionFactory.FromResponseAsync(response, "auth", null, null, default);

        Assert.True(ex.ServiceMessage!.Length <= 515);
        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
    }

    [Fact]
    public void FromStatus_AuthUnauthorized_SaysWhatToCheck()
    {
        var ex = ExceptionFactory.FromStatus(HttpStatusCode.Unauthorized, "auth", null, null);

        Assert.Contains("Check AccessId, AccessType", ex.Message, StringComparison.Ordinal);
    }
}
