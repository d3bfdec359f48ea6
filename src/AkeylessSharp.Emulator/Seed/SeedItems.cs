using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Hosting;
using AkeylessSharp.Emulator.Storage;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>Turns seed item declarations into stored records, validating them with clear messages.</summary>
internal static class SeedItems
{
    /// <summary>The longest auto-rotation interval, the service's 365 days (a longer one overflows the rotation date).</summary>
    public const long MaxRotationIntervalSeconds = 365L * 86_400;

    public static StoredItem Build(EmulatorState state, ItemSeed seed)
    {
        if (string.IsNullOrWhiteSpace(seed.Name))
        {
            throw new InvalidOperationException("A seed item has no name.");
        }

        var name = ItemPath.NewItemName(seed.Name);
        var now = state.Now;
        var item = seed.Type.ToLowerInvariant() switch
        {
            "static" or "static-secret" => StaticItem(state, seed, name, now),
            "dynamic" or "dynamic-secret" => ItemFactory.NewItem(state.Items, name, ItemTypes.Dynamic, now) with
            {
                SubType = "custom",
                Dynamic = new DynamicSpec(seed.Dynamic?.UsernamePrefix ?? "tmp_", PositiveTtl(seed.Dynamic?.TtlSeconds ?? 3600, name)),
            },
            "rotated" or "rotated-secret" => RotatedItem(state, seed, name, now),
            "ssh-cert-issuer" or "ssh" => SshItem(state, seed, name, now),
            _ => throw new InvalidOperationException(
                $"Seed item '{name}' has type '{seed.Type}'; expected static, dynamic, rotated or ssh-cert-issuer."),
        };
        if (seed.Tags.Count > Commands.ItemText.MaxTags)
        {
            throw new InvalidOperationException($"Seed item '{name}' has {seed.Tags.Count} tags, more than the {Commands.ItemText.MaxTags} an item may have.");
        }

        return item with
        {
            Description = seed.Description is { } d ? Commands.ItemText.Bounded(d, "description", Commands.ItemText.MaxDescriptionLength) : null,
            Tags = seed.Tags.Select(t => Commands.ItemText.Bounded(t, "tags", Commands.ItemText.MaxTagLength)).ToArray(),
        };
    }

    private static StoredItem StaticItem(EmulatorState state, ItemSeed seed, string name, DateTimeOffset now)
    {
        var values = new List<string>(seed.Versions ?? []);
        if (seed.Value is not null)
        {
            values.Add(seed.Value);
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException($"Seed static secret '{name}' needs a value or versions.");
        }

        var format = seed.Format.ToLowerInvariant();
        foreach (var v in values)
        {
            state.CheckValueSize(v, $"value of seed item {name}");
            SecretFormats.Validate(format, v, $"seed item {name}");
        }

        return ItemFactory.NewStatic(state.Items, name, values, now) with { Format = format };
    }

    private static StoredItem RotatedItem(EmulatorState state, ItemSeed seed, string name, DateTimeOffset now)
    {
        var r = seed.Rotated ?? throw new InvalidOperationException($"Seed rotated secret '{name}' needs a 'rotated' section.");
        if (r.RotationIntervalSeconds is < 0 or > MaxRotationIntervalSeconds)
        {
            throw new InvalidOperationException(
                $"Seed rotated secret '{name}' has rotationIntervalSeconds {r.RotationIntervalSeconds}; use 1 to {MaxRotationIntervalSeconds} (365 days), or 0 or none for no auto-rotation.");
        }

        return Commands.RotatedSecretVersions.First(
            ItemFactory.NewItem(state.Items, name, ItemTypes.Rotated, now) with { SubType = r.RotatorType },
            new RotatedSpec
            {
                RotatorType = r.RotatorType,
                Username = Commands.ItemText.Bounded(r.Username, "rotated-username"),
                Password = string.IsNullOrEmpty(r.Password) ? ItemFactory.NewPassword() : state.CheckValueSize(r.Password, $"password of seed item {name}"),
                AutoRotate = r.RotationIntervalSeconds is > 0,
                RotationIntervalSeconds = r.RotationIntervalSeconds ?? 0,
                LastRotation = now,
            });
    }

    private static StoredItem SshItem(EmulatorState state, ItemSeed seed, string name, DateTimeOffset now)
    {
        var s = seed.SshIssuer ?? throw new InvalidOperationException($"Seed SSH issuer '{name}' needs an 'sshIssuer' section.");
        Ssh.SshCaKey.Load(s.CaPrivateKeyPem, name).Dispose();
        return ItemFactory.NewItem(state.Items, name, ItemTypes.SshIssuer, now) with
        {
            SubType = "ssh",
            Ssh = new SshIssuerSpec(s.CaPrivateKeyPem, s.AllowedUsers.ToArray(), PositiveTtl(s.TtlSeconds, name)),
        };
    }

    private static int PositiveTtl(int seconds, string name) => seconds > 0
        ? seconds
        : throw new InvalidOperationException($"Seed item '{name}' has ttlSeconds {seconds}; use a positive number of seconds.");
}
