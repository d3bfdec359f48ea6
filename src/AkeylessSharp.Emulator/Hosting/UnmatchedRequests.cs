using AkeylessSharp.Emulator.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// Answers what no endpoint takes instead of routing's empty answers: another method on a command path gets an
/// Akeyless-shaped JSON 405 with <c>Allow: POST</c>; any other path the plain-text <c>404 page not found</c> the service's
/// own router sends, not a JSON error, so a client pointed at the wrong base path can tell "not the API" from "no such item".
/// </summary>
internal static class UnmatchedRequests
{
    private const string Usage = "Akeyless commands are POST /{command} or POST /api/v2/{command} with a JSON body";
    private const int MaxEchoedMethodLength = 20;

    public static void Map(IEndpointRouteBuilder app) => app.MapFallback("{**path}", HandleAsync);

    private static Task HandleAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (!HttpMethods.IsPost(method) && IsCommandPath(http.Request.Path))
        {
            http.Response.Headers.Allow = "POST";
            var shown = method.Length <= MaxEchoedMethodLength ? method : method[..MaxEchoedMethodLength] + "...";
            return Reply.Error(StatusCodes.Status405MethodNotAllowed, $"method {shown} not allowed: {Usage}").ExecuteAsync(http);
        }

        return Results.Text("404 page not found", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
    }

    private static bool IsCommandPath(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.StartsWith("/api/v2/", StringComparison.Ordinal))
        {
            value = value["/api/v2".Length..];
        }

        return value.Length > 1 && value.IndexOf('/', 1) < 0;
    }
}
