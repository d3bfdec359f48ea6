using System.Text.Json.Nodes;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Errors.Internal;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>uid</c>: exchanges the universal identity token for an API token (<c>access-type:"universal_identity"</c>),
/// so every command carries a <c>t-</c> token with a known expiry, like the other access types. With
/// <see cref="AkeylessClientOptions.UidTokenRotationInterval"/> set, each exchange first rotates the uid token through
/// <c>uid-rotate-token</c> (the old one is revoked), hands the new one to <see cref="AkeylessClientOptions.OnUidTokenRotated"/>,
/// and keeps the API token no longer than the interval, so rotation happens at least that often.
/// </summary>
internal sealed class UniversalIdentityAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    private const string RotateCommand = "uid-rotate-token";

    // One rotation, hand-over included, at a time: an authentication given up while OnUidTokenRotated still ran (it
    // ignored the cancellation) must not let the next one rotate again, or the late store would write the token that
    // rotation revoked over the live one.
    private readonly SemaphoreSlim _rotation = new(1, 1);
    private string? _uidToken = context.Options.UidToken;

    public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var interval = context.Options.UidTokenRotationInterval;
        if (interval is not null)
        {
            await _rotation.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await RotateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _rotation.Release();
            }
        }

        var token = await context.AuthenticateAsync(
            new AuthRequest { AccessType = "universal_identity", AccessId = context.Options.AccessId, UidToken = _uidToken },
            cancellationToken).ConfigureAwait(false);
        var rotateBy = context.TimeProvider.GetUtcNow() + interval;
        return rotateBy < token.ExpiresAt ? token with { ExpiresAt = rotateBy.Value } : token;
    }

    private async Task RotateAsync(CancellationToken cancellationToken)
    {
        string rotated;

        // A call to Akeyless like /auth: its span and request measurement; its failure is logged once by the token manager.
        using (var scope = context.Telemetry.Start(RotateCommand, null, failuresLoggedElsewhere: true))
        {
            try
            {
                // Not idempotent: the service revokes the old token, so a replay after a 5xx would present a revoked one.
                var response = await context.Transport.SendAsync(
                    RotateCommand, null, new JsonObject { ["uid-token"] = _uidToken, ["json"] = false },
                    RawCommandJsonContext.Default.JsonObject, RawCommandJsonContext.Default.JsonNode, cancellationToken, idempotent: false).ConfigureAwait(false);
                // An object's field only: indexing any other JSON (an array, a string) by name throws InvalidOperationException.
                rotated = response is JsonObject answer && answer["token"] is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("u-", StringComparison.Ordinal)
                    ? text
                    : throw ExceptionFactory.InvalidResponse(RotateCommand, null, "no universal identity token");
                scope.Succeeded();
            }
            catch (Exception ex) when (scope.Failed(ex))
            {
                throw;
            }
        }

        _uidToken = rotated;
        Log.UidTokenRotated(context.Logger);
        if (context.Options.OnUidTokenRotated is not { } store)
        {
            return;
        }

        try
        {
            await store(rotated, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A cancellation the store raised on its own (its HTTP call timed out) is its failure, not the caller's cancellation.
            Log.UidTokenStoreFailed(context.Logger, ex);
            throw new AkeylessException(
                "The universal identity token was rotated but OnUidTokenRotated failed to store it; the next authentication rotates and hands it over again.",
                command: RotateCommand, innerException: ex);
        }
    }
}
