using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>
/// Rotated secrets: <c>create-rotated-secret</c>, <c>get-rotated-secret-value</c>, <c>rotate-secret</c> (alias <c>gateway-rotate-secret</c>).
/// Auto-rotation is evaluated lazily against the emulator clock whenever the item is read.
/// </summary>
internal static class RotatedSecretCommands
{
    private static readonly string[] RotatorTypes =
    [
        "password", "api-key", "ldap", "azure-storage-account", "service-account-rotator", "custom", "target", "user-pass",
    ];

    public static void Register(CommandTable table)
    {
        table.Add("create-rotated-secret", CreateAsync);
        table.Add("get-rotated-secret-value", GetValueAsync);
        table.Add("rotate-secret", RotateAsync);
        // The official SDKs (5.x) send rotateSecret to the gateway-prefixed command.
        table.Add("gateway-rotate-secret", RotateAsync);
    }

    /// <summary>Applies the rotations due since the last one (one new version per elapsed interval, bounded).</summary>
    public static async Task<StoredItem> CatchUpAsync(CommandContext context, StoredItem item)
    {
        if (!IsDue(item, context.State.Now))
        {
            return item;
        }

        return await context.State.Items.MutateAsync(item.Name, current =>
        {
            var now = context.State.Now;
            if (current?.Rotated is not { } r || !IsDue(current, now))
            {
                return current;
            }

            var intervals = (now - r.LastRotation).Ticks / TimeSpan.FromSeconds(r.RotationIntervalSeconds).Ticks;
            var steps = (int)Math.Min(intervals, 1_000_000);

            // Only the versions the item can keep are made; the older ones would be pruned at once.
            var next = current;
            for (var i = Math.Max(1, steps - context.State.Options.MaxVersionsPerItem + 1); i <= steps; i++)
            {
                next = RotatedSecretVersions.Rotate(next, current.LastVersion + i, r.LastRotation.AddSeconds(r.RotationIntervalSeconds * i));
            }

            return next with
            {
                LastVersion = current.LastVersion + steps,
                Modified = now,
                Rotated = next.Rotated! with { LastRotation = r.LastRotation.AddSeconds(r.RotationIntervalSeconds * intervals) },
            };
        }, context.CancellationToken).ConfigureAwait(false) ?? item;
    }

    private static bool IsDue(StoredItem item, DateTimeOffset now) =>
        item.Rotated is { AutoRotate: true, RotationIntervalSeconds: > 0 } r && now >= r.LastRotation.AddSeconds(r.RotationIntervalSeconds);

    private static async Task<IResult> CreateAsync(CommandContext context)
    {
        var body = context.Body;
        var name = ItemPath.NewItemName(body.RequiredString("name"));
        var rotatorType = body.Enum("rotator-type", "", RotatorTypes);
        if (rotatorType.Length == 0)
        {
            throw Errors.MissingParameter("rotator-type");
        }

        var targetName = ItemText.Bounded(body.RequiredString("target-name"), "target-name");
        var username = ItemText.Bounded(body.String("rotated-username") ?? "", "rotated-username");
        var password = body.String("rotated-password") is { Length: > 0 } p ? context.State.CheckValueSize(p, "rotated-password") : ItemFactory.NewPassword();
        var autoRotate = body.Bool("auto-rotate") ?? false;
        var intervalDays = body.Int64("rotation-interval") ?? 0;
        if (autoRotate && intervalDays is < 1 or > 365)
        {
            throw Errors.BadRequest($"invalid value for parameter rotation-interval: {intervalDays} (days, 1-365, required with auto-rotate)");
        }

        var description = ItemText.Description(body);
        var tags = ItemText.Tags(body);
        var deleteProtection = body.Bool("delete_protection") ?? false;
        context.Demand("create", name);
        var now = context.State.Now;
        await context.State.Items.MutateAsync(name, current => current is not null
            ? throw Errors.AlreadyExists(name)
            : RotatedSecretVersions.First(
                ItemFactory.NewItem(context.State.Items, name, ItemTypes.Rotated, now) with { SubType = rotatorType, Description = description, Tags = tags, DeleteProtection = deleteProtection },
                new RotatedSpec
                {
                    RotatorType = rotatorType,
                    TargetName = targetName,
                    Username = username,
                    Password = password,
                    AutoRotate = autoRotate,
                    RotationIntervalSeconds = autoRotate ? intervalDays * 86_400 : 0,
                    LastRotation = now,
                }), context.CancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new NameOutput(name), WireJsonContext.Default.NameOutput);
    }

    private static async Task<IResult> GetValueAsync(CommandContext context)
    {
        var name = context.Body.RequiredString("names");
        var version = context.Body.Int32("version") ?? 0;
        var host = context.Body.String("host");
        var args = context.Body.StringArray("args") ?? [];
        _ = context.Body.Bool("ignore-cache");
        if (args.FirstOrDefault(a => a.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad)
        {
            throw Errors.BadRequest($"invalid value for parameter args: '{bad}' (expected key=value)");
        }

        var item = await CatchUpAsync(context, ItemLookup.Require(context, name, "read", ItemTypes.Rotated)).ConfigureAwait(false);
        var password = RotatedSecretVersions.Value(item, version) ?? throw new CommandException(404, $"version {version} of item {item.Name} not found");
        var value = new Dictionary<string, string>(StringComparer.Ordinal) { ["username"] = item.Rotated!.Username, ["password"] = password };

        // A linked target's value names the host it belongs to, so a client can see which host it asked for.
        if (!string.IsNullOrEmpty(host))
        {
            value["host"] = host;
        }

        return TypedResults.Json(new RotatedValueOutput(value), WireJsonContext.Default.RotatedValueOutput);
    }

    private static async Task<IResult> RotateAsync(CommandContext context)
    {
        var name = ItemPath.Normalize(context.Body.RequiredString("name"));
        ItemLookup.Require(context, name, "update", ItemTypes.Rotated);
        await context.State.Items.MutateAsync(name, current => current?.Rotated is null
            ? throw Errors.ItemNotFound(name)
            : RotatedSecretVersions.Rotate(current, current.LastVersion + 1, context.State.Now) with { Modified = context.State.Now },
            context.CancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new NameOutput(name), WireJsonContext.Default.NameOutput);
    }
}
