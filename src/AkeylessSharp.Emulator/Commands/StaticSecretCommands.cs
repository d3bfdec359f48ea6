using System.Text.Json;
using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary><c>create-secret</c> and <c>update-secret-val</c>: writing static secrets and their versions.</summary>
internal static class StaticSecretCommands
{
    public static void Register(CommandTable table)
    {
        table.Add("create-secret", CreateSecretAsync);
        table.Add("update-secret-val", UpdateSecretValueAsync);
    }

    private static async Task<IResult> CreateSecretAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.NewItemName(body.RequiredString("name"));
        var type = body.Enum("type", "generic", "generic", "password");
        var format = body.Enum("format", "text", SecretFormats.All);
        var value = context.State.CheckValueSize(type == "password" && !body.Has("value") ? PasswordValue(body) : body.RequiredString("value"), "value");
        SecretFormats.Validate(format, value, "parameter value");
        var description = ItemText.Description(body);
        var tags = ItemText.Tags(body);
        var login = type == "password" ? Login(body) : null;
        var deleteProtection = body.Bool("delete_protection") ?? false;
        context.Demand("create", name);

        var now = context.State.Now;
        await context.State.Items.MutateAsync(name, current => current is not null
            ? throw Errors.AlreadyExists(name)
            : ItemFactory.NewStatic(context.State.Items, name, [value], now) with
            {
                SubType = type,
                Format = format,
                Description = description,
                Tags = tags,
                Login = login,
                DeleteProtection = deleteProtection,
            }, context.CancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new NameOutput(name), WireJsonContext.Default.NameOutput);
    }

    private static async Task<IResult> UpdateSecretValueAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.Normalize(body.RequiredString("name"));
        var value = context.State.CheckValueSize(body.RequiredString("value"), "value");
        var keepPrevious = body.Bool("keep-prev-version") ?? true;
        var format = body.Has("format") ? body.Enum("format", "text", SecretFormats.All) : null;
        _ = body.Int32("last-version");
        _ = body.Bool("multiline");
        var login = body.Has("username") || body.Has("inject-url") ? Login(body) : null;
        ItemLookup.Require(context, name, "update", ItemTypes.Static);

        var now = context.State.Now;
        await context.State.Items.MutateAsync(name, current =>
        {
            // Checked again under the write lock: the item may have been replaced by another kind since the lookup.
            if (current is null)
            {
                throw Errors.ItemNotFound(name);
            }

            if (current.Type != ItemTypes.Static)
            {
                throw Errors.NotOfType(name, current.Type, ItemTypes.Static);
            }

            var effectiveFormat = format ?? current.Format;
            SecretFormats.Validate(effectiveFormat, value, "parameter value");
            var version = new StoredVersion(current.LastVersion + 1, value, now);
            return current with
            {
                Format = effectiveFormat,

                // Only a password secret has a username and websites; an update names either or both.
                Login = current.Login is { } l && login is not null
                    ? new LoginDetails(body.Has("username") ? login.Username : l.Username, body.Has("inject-url") ? login.Websites : l.Websites)
                    : current.Login,
                LastVersion = version.Version,
                Modified = now,
                Versions = keepPrevious ? [.. current.Versions, version] : [version],
            };
        }, context.CancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new NameOutput(name), WireJsonContext.Default.NameOutput);
    }

    // describe-item shows them in static_secret_info (username, websites) and list-items' advanced-filter matches them.
    private static LoginDetails Login(RequestBody body)
    {
        var username = body.String("username") is { } u ? ItemText.Bounded(u, "username") : null;
        var websites = body.StringArray("inject-url") ?? [];
        if (websites.Count > ItemText.MaxTags)
        {
            throw Errors.BadRequest($"invalid value for parameter inject-url: {websites.Count} URLs, more than the {ItemText.MaxTags} an item may have");
        }

        return new LoginDetails(username, websites.Select(w => ItemText.Bounded(w, "inject-url")).ToArray());
    }

    private static string PasswordValue(RequestBody body)
    {
        var password = body.RequiredString("password");
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["password"] = password };
        if (body.String("username") is { } username)
        {
            map["username"] = username;
        }

        return JsonSerializer.Serialize(map, WireJsonContext.Default.DictionaryStringString);
    }
}
