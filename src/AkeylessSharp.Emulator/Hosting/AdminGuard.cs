using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Emulator.Commands;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// Keeps web pages from driving the admin API: a browser can send a cross-origin "simple" request
/// (a <c>text/plain</c> form post) without asking, but not one with a custom header or a JSON content type.
/// So every changing admin request must carry <see cref="Header"/> (or the admin token) and POSTs must be JSON;
/// a request whose <c>Origin</c> is not the emulator itself is refused outright.
/// </summary>
internal sealed class AdminGuard
{
    public const string Header = "X-Akeyless-Emulator";
    private readonly byte[]? _token;

    public AdminGuard(string? adminToken) => _token = adminToken is null ? null : Encoding.UTF8.GetBytes(adminToken);

    /// <summary>
    /// Throws unless <paramref name="adminToken"/> can travel in an <c>Authorization</c> header: HTTP carries ASCII only
    /// and trims a value, so an empty token, one with outer spaces or one with other characters could never be sent.
    /// </summary>
    public static void Validate(string? adminToken, OptionNames names)
    {
        if (adminToken is not null
            && (adminToken.Length == 0 || adminToken.Trim().Length != adminToken.Length || adminToken.Any(static c => c is < ' ' or > '~')))
        {
            throw new InvalidOperationException(
                $"The admin token ({names.AdminToken}) must be printable ASCII without leading or trailing spaces: clients send it in an Authorization header, which could not carry this one.");
        }
    }

    /// <summary>Returns the error to answer with, or <see langword="null"/> when the request may proceed.</summary>
    public IResult? Check(HttpRequest request, bool changesState)
    {
        if (request.Headers.Origin is { Count: > 0 } origin && !IsSameOrigin(origin.ToString(), request))
        {
            return Reply.Error(403, "the admin API refuses cross-origin browser requests");
        }

        if (_token is not null)
        {
            return HasToken(request) ? null
                : Reply.Error(401, "the admin API requires the admin token: send Authorization: Bearer <token> (--admin-token)");
        }

        if (!changesState)
        {
            return null;
        }

        if (!request.Headers.ContainsKey(Header))
        {
            return Reply.Error(403, $"the admin API requires the header {Header}: 1 on requests that change state");
        }

        return HttpMethods.IsPost(request.Method) && !request.HasJsonContentType()
            ? Reply.Error(415, "the admin API accepts only Content-Type: application/json")
            : null;
    }

    private bool HasToken(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value[prefix.Length..].Trim()), _token);
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
