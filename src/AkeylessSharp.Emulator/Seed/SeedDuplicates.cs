using AkeylessSharp.Emulator.Auth;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Refuses a seed that declares one item, auth method, access id or role twice. Applied as it stands, the first item
/// would win and the second vanish, and a second auth method would shadow the first under one name while the first
/// kept its access id: neither is what the author meant, so the seed says which entries clash.
/// </summary>
internal static class SeedDuplicates
{
    /// <exception cref="InvalidOperationException">Two entries clash; the message names both by their index.</exception>
    public static void Check(SeedDocument seed, string source)
    {
        Find(seed.Items.Select(static i => Named(i.Name)), "items", source, "item", "keep one entry (a static secret takes several values under 'versions')");
        Find(seed.AuthMethods.Select(static m => Named(m.Name)), "authMethods", source, "auth method", "keep one entry per auth method");
        Find(seed.AuthMethods.Select(static m => m.AccessId), "authMethods", source, "accessId", "give each auth method its own access id, or leave accessId out to derive one from the name");
        Find(seed.Roles.Select(static r => r.Name.Trim() is { Length: > 0 } name ? name : null), "roles", source, "role", "put all the role's rules in one entry");
    }

    // Empty names are left to the checks that say an entry has no name.
    private static string? Named(string name) => string.IsNullOrWhiteSpace(name) ? null : ItemPath.Normalize(name);

    private static void Find(IEnumerable<string?> keys, string list, string source, string what, string fix)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var key in keys)
        {
            if (key is not null && !first.TryAdd(key, index))
            {
                throw new InvalidOperationException(
                    $"The seed {source} is not valid: {what} '{key}' appears twice ({list}[{first[key]}] and {list}[{index}]); {fix}.");
            }

            index++;
        }
    }
}
