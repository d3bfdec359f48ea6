using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// How a command's request carries the API token (<see cref="SetToken"/>, or <see langword="null"/> to send none) and
/// whether it may be replayed after a 5xx or a timeout (<see cref="Idempotent"/>; <see langword="null"/> asks
/// <see cref="CommandCatalog.IsWrite"/>). One object, so the shared authorized call holds one field for both.
/// </summary>
internal sealed class TokenCarrier<TRequest>(Action<TRequest, string>? setToken, bool? idempotent)
{
    public Action<TRequest, string>? SetToken { get; } = setToken;

    public bool? Idempotent { get; } = idempotent;
}

/// <summary>The carrier of the typed requests: their <see cref="TokenRequest.Token"/>, idempotency by command.</summary>
internal static class TokenCarrier
{
    public static TokenCarrier<TRequest> Typed<TRequest>()
        where TRequest : TokenRequest => TypedCarrier<TRequest>.Instance;

    private static class TypedCarrier<TRequest>
        where TRequest : TokenRequest
    {
        public static readonly TokenCarrier<TRequest> Instance = new(static (request, token) => request.Token = token, null);
    }
}
