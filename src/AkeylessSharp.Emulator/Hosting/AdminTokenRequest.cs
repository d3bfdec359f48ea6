using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// <c>POST /__emulator/tokens/revoke</c> (<c>{"token"}</c> or <c>{"authMethod"}</c>) and
/// <c>POST /__emulator/tokens/expire</c> (<c>{"seconds", "authMethod"?}</c>); both answer <c>{"tokens": n}</c>.
/// </summary>
internal static class AdminTokenRequest
{
    private const long MaxSeconds = 10L * 365 * 86_400;

    public static IResult Revoke(EmulatorTokens tokens, RequestBody body)
    {
        if (body.String("token") is { Length: > 0 } token)
        {
            return Count(tokens.Revoke(token) ? 1 : 0);
        }

        return body.String("authMethod") is { Length: > 0 } method
            ? Count(tokens.RevokeAll(method))
            : throw Errors.BadRequest("revoke needs token (one token) or authMethod (all tokens of an auth method)");
    }

    public static IResult Expire(EmulatorTokens tokens, RequestBody body)
    {
        var seconds = body.Int64("seconds") ?? throw Errors.MissingParameter("seconds");
        if (seconds is < 0 or > MaxSeconds)
        {
            throw Errors.BadRequest($"invalid value for parameter seconds: {seconds} (allowed: 0 to {MaxSeconds})");
        }

        return Count(tokens.ExpireAll(TimeSpan.FromSeconds(seconds), body.String("authMethod") is { Length: > 0 } m ? m : null));
    }

    private static IResult Count(int n) => TypedResults.Json(new TokenCountOutput(n), WireJsonContext.Default.TokenCountOutput);
}
