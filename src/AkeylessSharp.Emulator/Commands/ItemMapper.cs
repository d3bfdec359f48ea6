using System.Text;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>Maps stored items to the wire <c>Item</c> schema.</summary>
internal static class ItemMapper
{
    public static ItemOutput ToOutput(StoredItem item, bool showVersions = false, bool minimal = false, IReadOnlyList<string>? permissions = null)
    {
        if (minimal)
        {
            return new ItemOutput
            {
                ItemName = item.Name,
                ItemId = item.Id,
                DisplayId = item.DisplayId,
                ItemType = item.Type,
                ItemSubType = item.SubType,
                LastVersion = item.LastVersion,
                IsEnabled = true,
            };
        }

        var rotated = item.Rotated;
        var rotationDays = rotated is { RotationIntervalSeconds: > 0 } ? Math.Max(1, rotated.RotationIntervalSeconds / 86_400) : (long?)null;
        return new ItemOutput
        {
            ItemName = item.Name,
            ItemId = item.Id,
            DisplayId = item.DisplayId,
            ItemType = item.Type,
            ItemSubType = item.SubType,
            ItemMetadata = item.Description ?? "",
            ItemTags = item.Tags,
            ItemSize = item.Versions.LastOrDefault() is { } last ? Encoding.UTF8.GetByteCount(last.Value) : 0,
            LastVersion = item.LastVersion,
            ItemVersions = showVersions ? Versions(item) : null,
            CreationDate = Rfc3339.Format(item.Created),
            ModificationDate = Rfc3339.Format(item.Modified),
            AccessDate = Rfc3339.Format(item.Modified),
            IsEnabled = true,
            DeleteProtection = item.DeleteProtection,
            ItemState = "Enabled",
            ProtectionKeyName = "dfc-default",
            AutoRotate = rotated?.AutoRotate,
            RotationInterval = rotationDays,
            LastRotationDate = rotated is null ? null : Rfc3339.Format(rotated.LastRotation),
            NextRotationDate = rotated is { AutoRotate: true, RotationIntervalSeconds: > 0 }
                ? Rfc3339.Format(rotated.LastRotation.AddSeconds(rotated.RotationIntervalSeconds))
                : null,
            ItemGeneralInfo = GeneralInfo(item),
            ClientPermissions = permissions,
        };
    }

    // Exactly the versions get-secret-value, get-rotated-secret-value and delete-item address; items without stored
    // versions (dynamic secrets, SSH issuers) list none.
    private static ItemVersionOutput[] Versions(StoredItem item) =>
        item.Versions.Select(v => new ItemVersionOutput(v.Version, "Enabled", Rfc3339.Format(v.Created), Rfc3339.Format(v.Created))).ToArray();

    private static ItemGeneralInfo GeneralInfo(StoredItem item) => item.Type switch
    {
        ItemTypes.Static => new ItemGeneralInfo { StaticSecretInfo = new StaticSecretInfo(item.Format, item.Login?.Websites, item.Login?.Username) },
        ItemTypes.Rotated => new ItemGeneralInfo
        {
            RotatedSecretDetails = new RotatedSecretDetails(
                item.LastVersion > 1 ? "RotationSucceeded" : "RotationInitialStatus", item.Rotated?.RotatorType ?? "password"),
        },
        ItemTypes.Dynamic => new ItemGeneralInfo
        {
            DynamicSecretProducerDetails = new ProducerDetails("ProducerConnected", "custom", $"{(item.Dynamic?.TtlSeconds ?? 3600) / 60}m"),
        },
        ItemTypes.SshIssuer => new ItemGeneralInfo
        {
            CertIssueDetails = new SshIssuerDetails(item.Ssh?.TtlSeconds ?? 3600, new SshCertIssuerInfo(item.Ssh?.AllowedUsers ?? [], CertType: 1)),
        },
        _ => new ItemGeneralInfo(),
    };
}
