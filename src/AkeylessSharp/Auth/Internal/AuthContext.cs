using AkeylessSharp.Diagnostics.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Auth.Internal;

/// <summary>What every authenticator needs: the options, the transport to call <c>/auth</c>, the clock, and the cloud-id providers.</summary>
internal sealed class AuthContext(
    AkeylessClientOptions options, AkeylessTransport transport, TimeProvider timeProvider, IReadOnlyList<ICloudIdProvider> cloudIdProviders, ILogger logger)
{
    public AkeylessClientOptions Options { get; } = options;
    public AkeylessTransport Transport { get; } = transport;
    public TimeProvider TimeProvider { get; } = timeProvider;
    public IReadOnlyList<ICloudIdProvider> CloudIdProviders { get; } = cloudIdProviders;
    public ILogger Logger { get; } = logger;

    /// <summary>Where the authentication calls report their span and metrics; failures are logged once by the token manager.</summary>
    public required CommandTelemetry Telemetry { get; init; }

    /// <summary>Posts <paramref name="request"/> to <c>/auth</c> and turns the answer into a token with its expiry.</summary>
    public async ValueTask<AkeylessToken> AuthenticateAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        using var scope = Telemetry.Start(CommandCatalog.Auth, null, failuresLoggedElsewhere: true);
        try
        {
            var response = await Transport.SendAsync(CommandCatalog.Auth, null, request, AkeylessJsonContext.Default.AuthRequest, AkeylessJsonContext.Default.AuthResponse, cancellationToken).ConfigureAwait(false);
            var token = ToToken(CommandCatalog.Auth, response);
            scope.Succeeded();
            return token;
        }
        catch (Exception ex) when (scope.Failed(ex))
        {
            throw;
        }
    }

    /// <summary>Exchanges raw CLI credentials for a token through <c>/static-creds-auth</c>.</summary>
    public async ValueTask<AkeylessToken> StaticCredsAuthenticateAsync(StaticCredsAuthRequest request, CancellationToken cancellationToken)
    {
        using var scope = Telemetry.Start(CommandCatalog.StaticCredsAuth, null, failuresLoggedElsewhere: true);
        try
        {
            var response = await Transport.SendAsync(CommandCatalog.StaticCredsAuth, null, request, AkeylessJsonContext.Default.StaticCredsAuthRequest, AkeylessJsonContext.Default.AuthResponse, cancellationToken).ConfigureAwait(false);
            var token = ToToken(CommandCatalog.StaticCredsAuth, response);
            scope.Succeeded();
            return token;
        }
        catch (Exception ex) when (scope.Failed(ex))
        {
            throw;
        }
    }

    private AkeylessToken ToToken(string command, AuthResponse response)
    {
        if (string.IsNullOrEmpty(response.Token))
        {
            throw Errors.Internal.ExceptionFactory.InvalidResponse(command, null, "no token");
        }

        return new AkeylessToken(response.Token, TokenExpiry.From(response, TimeProvider.GetUtcNow(), Options.AuthTokenTtl));
    }
}
