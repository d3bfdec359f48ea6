using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>Universal identity: <c>uid-generate-token</c> and <c>uid-rotate-token</c>.</summary>
internal static class UidCommands
{
    public static void Register(CommandTable table)
    {
        table.Add("uid-generate-token", GenerateAsync);

        // The token being rotated is its own credential, so the generic token check is skipped.
        table.Add("uid-rotate-token", RotateAsync, requiresToken: false);
    }

    private static Task<IResult> GenerateAsync(CommandContext context)
    {
        var methodName = context.Body.RequiredString("auth-method-name");
        var caps = context.State.Authorizer.Capabilities(context.RequireCaller().Method, methodName, "am");
        if (!caps.Contains("read") && !caps.Contains("create") && !caps.Contains("update"))
        {
            throw Errors.AccessDenied(context.Command, methodName);
        }

        var method = context.State.Directory.FindByName(methodName)
            ?? throw new CommandException(404, $"auth method {methodName} not found");
        if (method.Type != "universal_identity")
        {
            throw Errors.BadRequest($"auth method {method.Name} is a {method.Type} auth method, not universal_identity");
        }

        var token = context.State.Tokens.IssueUid(method, SeedLoader.UidTtl(method, context.State.Options));
        return Reply.Ok(new TokenOutput(token), WireJsonContext.Default.TokenOutput);
    }

    private static Task<IResult> RotateAsync(CommandContext context)
    {
        var current = context.Body.String("uid-token") is { Length: > 0 } u ? u : context.Body.String("token");
        if (string.IsNullOrEmpty(current))
        {
            throw Errors.MissingParameter("uid-token");
        }

        var fork = context.Body.Bool("fork") ?? false;
        var manualAck = context.Body.Bool("with-manual-ack") ?? false;
        var ackToken = context.Body.String("send-manual-ack-token");
        if (!current.StartsWith("u-", StringComparison.Ordinal))
        {
            throw Errors.Unauthenticated("authentication failed: uid-token must be a universal identity token (u-...)");
        }

        // The official UidRotateToken model: fork "creates a new child token", with-manual-ack "disables automatic ack" (the
        // token rotated stays valid), send-manual-ack-token is "the new rotated token to send manual ack for (with uid-token = the original)".
        var tokens = context.State.Tokens;
        TimeSpan TtlOf(AuthMethodSeed method) => SeedLoader.UidTtl(method, context.State.Options);
        var token = !string.IsNullOrEmpty(ackToken) ? tokens.AcknowledgeUid(current, ackToken)
            : fork || manualAck ? tokens.IssueUidBeside(current, TtlOf, awaitingAck: !fork)
            : tokens.RotateUid(current, TtlOf);
        return Reply.Ok(new TokenOutput(token), WireJsonContext.Default.TokenOutput);
    }
}
