using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>jwt</c>: the JWT given in the options, or read at each authentication from the environment variable named by
/// <see cref="AkeylessClientOptions.JwtEnvironmentVariable"/> (so a rotated token is picked up).
/// </summary>
internal sealed class JwtAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    public ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken) =>
        context.AuthenticateAsync(
            new AuthRequest { AccessType = "jwt", AccessId = context.Options.AccessId, Jwt = ReadJwt(context.Options) },
            cancellationToken);

    internal static string ReadJwt(AkeylessClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Jwt))
        {
            return options.Jwt.Trim();
        }

        var variable = options.JwtEnvironmentVariable;
        var value = string.IsNullOrWhiteSpace(variable) ? null : Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new AkeylessConfigurationException(
                $"Access type jwt reads the JWT from the environment variable '{variable}', which is not set or empty. Set it, or set Jwt.",
                nameof(AkeylessClientOptions.JwtEnvironmentVariable))
            : value.Trim();
    }
}
