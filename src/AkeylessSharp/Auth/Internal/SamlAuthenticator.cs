using System.Text.Json;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>saml</c>, as the Python reference does it: reuse the Akeyless CLI's stored credentials file
/// (<c>~/.akeyless/.tmp_creds/&lt;profile&gt;-&lt;access id&gt;</c>) while its token is valid; otherwise remove it and run
/// the CLI once (<see cref="AkeylessClientOptions.SamlLoginCommand"/>) so it logs in again and rewrites the file. A JSON file
/// without a token holds raw credentials: its whole text is exchanged through <c>static-creds-auth</c> with the access id.
/// </summary>
internal sealed class SamlAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    private const long MaxUnixSeconds = 253402300799;

    public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var file = CredentialsFilePath(options);
        var stored = await TryUseFileAsync(file, cancellationToken).ConfigureAwait(false);
        if (stored is { } token)
        {
            Log.SamlCredentialsReused(context.Logger, options.Profile);
            return token;
        }

        TryDelete(file);
        Log.SamlLoginStarted(context.Logger, options.Profile);
        var outcome = await SamlCliRunner.RunAsync(options, cancellationToken).ConfigureAwait(false);

        // The CLI often exits non-zero after logging in (its listing failed, say): the credentials it wrote decide.
        return await TryUseFileAsync(file, cancellationToken).ConfigureAwait(false)
            ?? throw new AkeylessUnauthorizedException(
                $"The SAML login command '{SamlCliRunner.Describe(options)}' exited with code {outcome.ExitCode} and left no valid credentials in '{file}'" +
                (outcome.Stderr.Length == 0 ? "." : $"; it said: {outcome.Stderr}.") +
                " Run it yourself to complete the login (a browser may be needed).",
                "saml");
    }

    internal static string CredentialsFilePath(AkeylessClientOptions options)
    {
        var directory = options.SamlCredentialsDirectory
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".akeyless", ".tmp_creds");
        return Path.Combine(directory, $"{options.Profile}-{options.AccessId}");
    }

    private async ValueTask<AkeylessToken?> TryUseFileAsync(string file, CancellationToken cancellationToken)
    {
        SamlCredentialsFile? stored;
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            stored = JsonSerializer.Deserialize(bytes, AkeylessJsonContext.Default.SamlCredentialsFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }

        var now = context.TimeProvider.GetUtcNow();
        if (!string.IsNullOrEmpty(stored?.Token))
        {
            var expiresAt = stored.Expiry is > 0 and < MaxUnixSeconds and var seconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) + context.Options.AuthTokenTtl;

            // A token inside the refresh buffer would be refreshed at once: log in again now instead.
            return expiresAt - context.Options.TokenRefreshBuffer > now ? new AkeylessToken(stored.Token, expiresAt) : null;
        }

        if (stored is null)
        {
            return null;
        }

        // Raw credentials: send the whole file, trimmed, with the access id, as clearskies does; but to the configured
        // API's static-creds-auth, never to a fixed host, so the credential only goes where the client is pointed.
        var request = new StaticCredsAuthRequest { AccessId = context.Options.AccessId, Creds = System.Text.Encoding.UTF8.GetString(bytes).Trim() };
        return await context.StaticCredsAuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The CLI overwrites the file anyway; a stale copy is ignored because its expiry has passed.
        }
    }
}
