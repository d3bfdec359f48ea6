using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>auth</c>, <c>static-creds-auth</c> and <c>get-cert-challenge</c>: exchanging proofs for tokens.</summary>
internal static class AuthCommands
{
    private static readonly string[] AccessTypes =
    [
        "access_key", "password", "saml", "ldap", "k8s", "azure_ad", "oidc", "aws_iam", "universal_identity",
        "jwt", "gcp", "cert", "oci", "kerberos", "oauth2",
    ];

    private static readonly Dictionary<string, IAuthVerifier> Verifiers = new IAuthVerifier[]
    {
        new AccessKeyVerifier(),
        new UniversalIdentityVerifier(),
        new JwtVerifier(),
        new K8sVerifier(),
        new CertVerifier(),
        new AwsIamVerifier(),
        new AzureAdVerifier(),
        new GcpVerifier(),
    }.ToDictionary(v => v.AccessType, StringComparer.Ordinal);

    public static void Register(CommandTable table)
    {
        table.Add("auth", AuthAsync, requiresToken: false);
        table.Add("static-creds-auth", StaticCredsAuthAsync, requiresToken: false);
        table.Add("get-cert-challenge", GetCertChallengeAsync, requiresToken: false);
    }

    private static Task<IResult> AuthAsync(CommandContext context)
    {
        var accessType = context.Body.Enum("access-type", "access_key", AccessTypes);
        if (!Verifiers.TryGetValue(accessType, out var verifier))
        {
            throw Errors.Unsupported(accessType);
        }

        var method = verifier.Verify(new AuthRequest(context.Body, context.State));
        var (token, expires) = Issue(context, method);
        var output = new AuthOutput(token, Rfc3339.Format(expires), new AuthCreds(method.AccessId!, token, expires.ToUnixTimeSeconds()));
        return Reply.Ok(output, WireJsonContext.Default.AuthOutput);
    }

    private static Task<IResult> StaticCredsAuthAsync(CommandContext context)
    {
        var accessId = context.Body.RequiredString("access-id");
        var creds = StoredCredential(context.Body.RequiredString("creds"));
        var method = context.State.Directory.FindByAccessId(accessId);
        if (method is null || !AccessKeyVerifier.Matches(method, creds))
        {
            throw Errors.AuthFailed("invalid static credentials");
        }

        return Reply.Ok(new TokenOutput(Issue(context, method).Token), WireJsonContext.Default.TokenOutput);
    }

    // Clients send the CLI's whole stored-credentials file ({"creds": "..."}) or the bare credential; both are accepted.
    private static string StoredCredential(string creds)
    {
        if (!creds.StartsWith('{'))
        {
            return creds;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(creds);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("creds", out var inner) && inner.ValueKind == System.Text.Json.JsonValueKind.String
                ? inner.GetString()!
                : creds;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not JSON, or a creds string that is no text (a lone surrogate escape): compared whole, so it fails as a wrong key.
            return creds;
        }
    }

    private static Task<IResult> GetCertChallengeAsync(CommandContext context)
    {
        var request = new AuthRequest(context.Body, context.State);
        var method = request.RequireMethod("cert");
        using var _ = CertVerifier.LoadClientCertificate(request, method);
        return Reply.Ok(new ChallengeOutput(context.State.Challenges.Issue()), WireJsonContext.Default.ChallengeOutput);
    }

    private static (string Token, DateTimeOffset Expires) Issue(CommandContext context, AuthMethodSeed method)
    {
        var ttl = method.TokenTtlSeconds is { } s ? TimeSpan.FromSeconds(s) : context.State.Options.TokenTtl;
        return context.State.Tokens.Issue(method, ttl);
    }
}
