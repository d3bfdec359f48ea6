using AkeylessSharp.Emulator.Ssh;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>get-ssh-certificate</c>: signs the caller's public key with the issuer's CA key.</summary>
internal static class SshCommands
{
    public static void Register(CommandTable table) => table.Add("get-ssh-certificate", GetCertificateAsync);

    private static Task<IResult> GetCertificateAsync(CommandContext context)
    {
        var body = context.Body;
        var issuerName = body.RequiredString("cert-issuer-name");
        var username = body.RequiredString("cert-username");
        var publicKey = body.RequiredString("public-key-data");
        var ttl = body.Int64("ttl");
        _ = body.Bool("legacy-signing-alg-name");
        var issuer = ItemLookup.Require(context, issuerName, "read", ItemTypes.SshIssuer);
        var spec = issuer.Ssh!;

        var principals = username.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (principals.Length == 0)
        {
            throw Errors.MissingParameter("cert-username");
        }

        var allowAny = spec.AllowedUsers.Count == 0 || spec.AllowedUsers.Contains("*");
        var refused = principals.FirstOrDefault(p => !allowAny && !spec.AllowedUsers.Contains(p));
        if (refused is not null)
        {
            throw new CommandException(403, $"access denied: user {refused} is not allowed by SSH issuer {issuer.Name} (allowed: {string.Join(", ", spec.AllowedUsers)})");
        }

        if (ttl is <= 0)
        {
            throw Errors.BadRequest($"invalid value for parameter ttl: {ttl}");
        }

        var lifetime = TimeSpan.FromSeconds(Math.Min(ttl ?? spec.TtlSeconds, spec.TtlSeconds));
        using var ca = SshCaKey.Load(spec.CaPrivateKeyPem, issuer.Name);
        var now = context.State.Now;
        var certificate = SshCertificateBuilder.Build(
            ca, publicKey, principals, SshCertificateBuilder.KeyId(issuer.Name, username), now.AddMinutes(-1), now + lifetime);
        return Reply.Ok(new SshCertificateOutput(certificate), WireJsonContext.Default.SshCertificateOutput);
    }
}
