using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary><c>api_key</c>: the access id and access key, sent as <c>access-type:"access_key"</c>.</summary>
internal sealed class AccessKeyAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    public ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken) =>
        context.AuthenticateAsync(
            new AuthRequest { AccessType = "access_key", AccessId = context.Options.AccessId, AccessKey = context.Options.AccessKey },
            cancellationToken);
}
