using System.Globalization;
using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>
/// Dynamic secrets with a generic producer: every <c>get-dynamic-secret-value</c> mints a unique
/// username/password whose expiry is computed from the emulator clock.
/// </summary>
internal static class DynamicSecretCommands
{
    public static void Register(CommandTable table)
    {
        table.Add("create-dynamic-secret", CreateAsync);
        table.Add("get-dynamic-secret-value", GetValueAsync);
    }

    private static async Task<IResult> CreateAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.NewItemName(body.RequiredString("name"));
        var description = ItemText.Description(body);
        var tags = ItemText.Tags(body);
        _ = body.String("key");
        var deleteProtection = body.Bool("delete_protection") ?? false;
        context.Demand("create", name);
        var now = context.State.Now;
        await context.State.Items.MutateAsync(name, current => current is not null
            ? throw Errors.AlreadyExists(name)
            : ItemFactory.NewItem(context.State.Items, name, ItemTypes.Dynamic, now) with
            {
                SubType = "custom",
                Description = description,
                Tags = tags,
                DeleteProtection = deleteProtection,
                Dynamic = new DynamicSpec("tmp_", 3600),
            }, context.CancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new EmptyOutput(), WireJsonContext.Default.EmptyOutput);
    }

    private static Task<IResult> GetValueAsync(CommandContext context)
    {
        var body = context.Body;
        var name = body.RequiredString("name");
        _ = body.StringArray("args");
        _ = body.Int64("timeout");
        _ = body.String("target");
        _ = body.String("host");
        _ = body.String("dbname");
        var item = ItemLookup.Require(context, name, "read", ItemTypes.Dynamic);
        var spec = item.Dynamic ?? new DynamicSpec("tmp_", 3600);
        var user = spec.UsernamePrefix + ItemFactory.RandomSuffix(10);
        var expires = context.State.Now.AddSeconds(spec.TtlSeconds);
        var value = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = user,
            ["user"] = user,
            ["password"] = ItemFactory.NewPassword(),
            ["ttl_in_minutes"] = (spec.TtlSeconds / 60).ToString(CultureInfo.InvariantCulture),
            ["expiration"] = Rfc3339.Format(expires),
        };
        return Reply.Ok(value, WireJsonContext.Default.DictionaryStringString);
    }
}
