using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>get-secret-value</c>: a map of each requested name (echoed as sent) to its value; all or nothing.</summary>
internal static class SecretValueCommands
{
    public static void Register(CommandTable table) => table.Add("get-secret-value", GetSecretValueAsync);

    private static Task<IResult> GetSecretValueAsync(CommandContext context)
    {
        var names = context.Body.StringArray("names");
        if (names is null || names.Count == 0)
        {
            throw Errors.MissingParameter("names");
        }

        // Omitted, 0 or negative (the "last N versions" form, whose shape is unverified) all return the latest value.
        var version = context.Body.Int32("version") ?? 0;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var served = new List<string>(names.Count);
        foreach (var requested in names)
        {
            if (string.IsNullOrWhiteSpace(requested))
            {
                throw Errors.BadRequest("invalid value for parameter names: empty name");
            }

            var item = ItemLookup.Require(context, requested, "read");
            if (item.Type != ItemTypes.Static)
            {
                throw Errors.BadRequest($"item {item.Name} is a {item.Type}; get-secret-value reads static secrets");
            }

            var stored = item.FindVersion(version) ?? throw new CommandException(404, $"version {version} of item {item.Name} not found");
            result[requested] = stored.Value;
            served.Add(item.Name);
        }

        // Counted once the whole request succeeded: a failed request serves no value.
        foreach (var name in served)
        {
            context.State.Counters.IncrementValueRead(name);
        }

        return Reply.Ok(result, WireJsonContext.Default.DictionaryStringString);
    }
}
