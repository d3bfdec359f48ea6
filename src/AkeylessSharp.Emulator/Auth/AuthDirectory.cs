using AkeylessSharp.Emulator.Seed;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>The auth methods and roles known to the emulator (seeded at start-up, read-only afterwards).</summary>
internal sealed class AuthDirectory
{
    private readonly Dictionary<string, AuthMethodSeed> _byAccessId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuthMethodSeed> _byName = new(StringComparer.Ordinal);
    private readonly List<RoleSeed> _roles = [];

    public void Add(AuthMethodSeed method)
    {
        method.Name = ItemPath.Normalize(method.Name);
        method.AccessId ??= AccessIds.Derive(method.Name, method.Type);
        _byAccessId[method.AccessId] = method;
        _byName[method.Name] = method;
    }

    public void Add(RoleSeed role)
    {
        role.AuthMethods = role.AuthMethods.Select(ItemPath.Normalize).ToList();
        _roles.Add(role);
    }

    public AuthMethodSeed? FindByAccessId(string accessId) => _byAccessId.GetValueOrDefault(accessId);

    public AuthMethodSeed? FindByName(string name) => _byName.GetValueOrDefault(ItemPath.Normalize(name));

    public IEnumerable<AuthMethodSeed> Methods => _byName.Values;

    public IEnumerable<RoleSeed> RolesOf(AuthMethodSeed method) =>
        _roles.Where(r => r.AuthMethods.Contains(method.Name, StringComparer.Ordinal));
}
