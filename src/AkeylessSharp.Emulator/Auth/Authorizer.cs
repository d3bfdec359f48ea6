using System.Text.RegularExpressions;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>Role-based access: the capabilities of an auth method on a path, from its roles' rules (<c>*</c> glob).</summary>
internal sealed class Authorizer
{
    public static readonly string[] AllCapabilities = ["read", "list", "create", "update", "delete"];

    private readonly AuthDirectory _directory;

    public Authorizer(AuthDirectory directory) => _directory = directory;

    public IReadOnlyList<string> Capabilities(AuthMethodSeed method, string path, string ruleType = "item")
    {
        var normalized = ItemPath.Normalize(path);
        var caps = new SortedSet<string>(StringComparer.Ordinal);
        var denied = false;
        foreach (var rule in _directory.RolesOf(method).SelectMany(r => r.Rules))
        {
            if (!string.Equals(rule.Type, ruleType, StringComparison.OrdinalIgnoreCase) || !Matches(rule.Path, normalized))
            {
                continue;
            }

            foreach (var c in rule.Capabilities)
            {
                denied |= string.Equals(c, "deny", StringComparison.OrdinalIgnoreCase);
                caps.Add(c.ToLowerInvariant());
            }
        }

        return denied ? ["deny"] : caps.ToArray();
    }

    /// <summary>
    /// Whether the method may read or list every item path: a rule on <c>/*</c> grants it and no item rule denies.
    /// Only such a caller may learn that an item id does not exist.
    /// </summary>
    public bool SeesEveryItem(AuthMethodSeed method)
    {
        var rules = _directory.RolesOf(method).SelectMany(r => r.Rules).Where(r => string.Equals(r.Type, "item", StringComparison.OrdinalIgnoreCase)).ToArray();
        return !rules.Any(r => r.Capabilities.Contains("deny", StringComparer.OrdinalIgnoreCase))
            && rules.Any(r => ItemPath.Normalize(r.Path) == "/*"
                && r.Capabilities.Any(c => c.Equals("read", StringComparison.OrdinalIgnoreCase) || c.Equals("list", StringComparison.OrdinalIgnoreCase)));
    }

    public bool Can(AuthMethodSeed method, string capability, string path) =>
        Capabilities(method, path).Contains(capability, StringComparer.Ordinal);

    /// <summary>Throws 403 unless the caller holds <paramref name="capability"/> on <paramref name="path"/>.</summary>
    public void Demand(Caller caller, string capability, string path, string command)
    {
        if (!Can(caller.Method, capability, path))
        {
            throw Errors.AccessDenied(command, ItemPath.Normalize(path));
        }
    }

    /// <summary>Matches a rule path where <c>*</c> matches any run of characters, separators included.</summary>
    public static bool Matches(string pattern, string path)
    {
        var p = ItemPath.Normalize(pattern);
        if (!p.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(p, path, StringComparison.Ordinal);
        }

        // Singleline: "." matches a line feed too; \z: the end of the path, not before a final line feed as "$" allows.
        var regex = @"\A" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal) + @"\z";
        return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    }
}
