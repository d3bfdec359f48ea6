using System.Text.Json;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>saml</c>, as clearskies does it: reuse the Akeyless CLI's stored credentials file
/// (<c>~/.akeyless/.tmp_creds/&lt;profile&gt;-&lt;access id&gt;</c>) only while it holds a token whose <c>expiry</c> lies
/// beyond the refresh buffer; otherwise (expired, no expiry, raw credentials, unreadable) remove it and run the CLI once
/// (<see cref="AkeylessClientOptions.SamlLoginCommand"/>) so it logs in again and rewrites the file. What the CLI wrote is
/// then used: a token with its <c>expiry</c> (else now + <see cref="AkeylessClientOptions.AuthTokenTtl"/>), or raw
/// credentials, whose whole text is exchanged through <c>static-creds-auth</c> with the access id.
/// </summary>
internal sealed class SamlAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    private const long MaxUnixSeconds = 253402300799;

    public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var file = CredentialsFilePath(options);
        if (await TryReadAsync(file, cancellationToken).ConfigureAwait(false) is { } stored && TryReuse(stored.Content) is { } reused)
        {
            Log.SamlCredentialsReused(context.Logger, options.Profile);
            return reused;
        }

        TryDelete(file);
        Log.SamlLoginStarted(context.Logger, options.Profile);
        var outcome = await SamlCliRunner.RunAsync(options, cancellationToken).ConfigureAwait(false);

        // The CLI often exits non-zero after logging in (its listing failed, say): the credentials it wrote decide.
        return await TryUseFreshAsync(file, cancellationToken).ConfigureAwait(false)
            ?? throw NoUsableCredentials(options, outcome, file);
    }

    /// <summary>
    /// The login command ran but what it left cannot be used: a local setup problem, not a refusal by Akeyless, which
    /// was never asked.
    /// </summary>
    private static AkeylessConfigurationException NoUsableCredentials(AkeylessClientOptions options, SamlCliOutcome outcome, string file) => new(
        $"The SAML login command '{SamlCliRunner.Describe(options)}' exited with code {outcome.ExitCode} and left no usable credentials in '{file}' (missing, unreadable, or an expired token)" +
        (outcome.Stderr.Length == 0 ? "." : $"; it said: {outcome.Stderr}.") +
        $" Nothing was sent to Akeyless. Log in with 'akeyless auth --access-id {options.AccessId} --access-type saml --profile {options.Profile}' (a browser may be needed), " +
        $"and check that '{Path.GetDirectoryName(file)}' is the folder where that CLI keeps its credentials (SamlCredentialsDirectory).",
        nameof(AkeylessClientOptions.SamlCredentialsDirectory));

    internal static string CredentialsFilePath(AkeylessClientOptions options)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var directory = options.SamlCredentialsDirectory switch
        {
            null => Path.Combine(home, ".akeyless", ".tmp_creds"),

            // Written as a shell would take it ("~/.akeyless/.tmp_creds"): no shell expands it on the way here.
            "~" => home,
            ['~', '/' or '\\', .. var rest] => Path.Combine(home, rest),
            var given => given,
        };
        return Path.Combine(directory, $"{options.Profile}-{options.AccessId}");
    }

    private AkeylessToken? TryReuse(SamlCredentialsFile stored) =>
        !string.IsNullOrEmpty(stored.Token) && ExpiryOf(stored) is { } expiresAt
        && expiresAt - context.Options.TokenRefreshBuffer > context.TimeProvider.GetUtcNow()
            ? new AkeylessToken(stored.Token, expiresAt)
            : null;

    private async ValueTask<AkeylessToken?> TryUseFreshAsync(string file, CancellationToken cancellationToken)
    {
        if (await TryReadAsync(file, cancellationToken).ConfigureAwait(false) is not { } fresh)
        {
            return null;
        }

        var now = context.TimeProvider.GetUtcNow();
        if (!string.IsNullOrEmpty(fresh.Content.Token))
        {
            var expiresAt = ExpiryOf(fresh.Content) ?? now + context.Options.AuthTokenTtl;
            return expiresAt > now ? new AkeylessToken(fresh.Content.Token, expiresAt) : null;
        }

        // Raw credentials: send the whole file, trimmed, with the access id, as clearskies does; but to the configured
        // API's static-creds-auth, never to a fixed host, so the credential only goes where the client is pointed.
        var request = new StaticCredsAuthRequest { AccessId = context.Options.AccessId, Creds = fresh.Text.Trim() };
        return await context.StaticCredsAuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset? ExpiryOf(SamlCredentialsFile stored) =>
        stored.Expiry is > 0 and < MaxUnixSeconds and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static async ValueTask<StoredCredentials?> TryReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(bytes, AkeylessJsonContext.Default.SamlCredentialsFile) is { } content
                ? new StoredCredentials(content, System.Text.Encoding.UTF8.GetString(bytes))
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The CLI overwrites the file anyway; a stale copy is never reused because its expiry has passed.
        }
    }

    private sealed record StoredCredentials(SamlCredentialsFile Content, string Text);
}
