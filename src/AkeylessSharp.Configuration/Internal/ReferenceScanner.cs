using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Finds <c>akeyless:/path</c> values in the other configuration providers. It reads the providers directly (not the
/// merged configuration) so a reference stays visible after this provider has replaced its value.
/// </summary>
internal static class ReferenceScanner
{
    public static List<KeyValuePair<string, string>> Scan(IEnumerable<IConfigurationProvider> providers, string prefix, Action<string> onEmpty)
    {
        var effective = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providers)
        {
            foreach (var key in AllKeys(provider, null))
            {
                if (provider.TryGet(key, out var value))
                {
                    effective[key] = value; // later providers win, as in ConfigurationRoot
                }
            }
        }

        var references = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in effective.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (value is null || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = value[prefix.Length..].Trim();
            if (path.Trim('/').Length == 0)
            {
                onEmpty(key);
                continue;
            }

            references.Add(new(key, "/" + path.TrimStart('/')));
        }

        return references;
    }

    private static IEnumerable<string> AllKeys(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = parent is null ? child : ConfigurationPath.Combine(parent, child);
            yield return key;
            foreach (var descendant in AllKeys(provider, key))
            {
                yield return descendant;
            }
        }
    }
}
