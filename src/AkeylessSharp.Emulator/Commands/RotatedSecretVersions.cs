using AkeylessSharp.Emulator.Storage;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>
/// A rotated secret keeps each rotation's password as a version, so <c>get-rotated-secret-value</c>'s <c>version</c>,
/// <c>describe-item</c>'s <c>show-versions</c> and <c>delete-item</c>'s <c>version</c> all address the same list.
/// </summary>
internal static class RotatedSecretVersions
{
    public static StoredItem First(StoredItem item, RotatedSpec spec) =>
        item with { LastVersion = 1, Rotated = spec, Versions = [new StoredVersion(1, spec.Password, spec.LastRotation)] };

    public static StoredItem Rotate(StoredItem item, int version, DateTimeOffset at)
    {
        var password = ItemFactory.NewPassword();
        return item with
        {
            LastVersion = version,
            Versions = [.. item.Versions, new StoredVersion(version, password, at)],
            Rotated = item.Rotated! with { Password = password, LastRotation = at },
        };
    }

    /// <summary>The value of <paramref name="version"/>, the latest for 0 or less; <see langword="null"/> when that version does not exist.</summary>
    public static string? Value(StoredItem item, int version) =>
        version > 0 ? item.FindVersion(version)?.Value

            // A data file written before rotated secrets kept versions holds the current password alone.
            : item.Versions.LastOrDefault()?.Value ?? item.Rotated!.Password;
}
