using AkeylessSharp.Errors.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Turns the read values into configuration keys: secrets (JSON-flattened when asked), connections with their
/// ADO.NET forms, variables, config and references, applying the duplicate-key policy. A bad connection is logged
/// and skipped; it never stops the other keys.
/// </summary>
internal sealed class ConfigurationDataBuilder
{
    private readonly AkeylessConfigurationOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, string?> _data = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);

    public ConfigurationDataBuilder(AkeylessConfigurationOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
    }

    /// <summary>The problems met (bad connections, missing references), without any value; the last load's list is exposed by the provider.</summary>
    public List<string> Problems { get; } = [];

    public Dictionary<string, string?> Build(IEnumerable<SecretEntry> entries, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string>? rejected = null)
    {
        // At least one key per value read: sized once instead of growing through every power of two.
        _data.EnsureCapacity(values.Count);
        _owners.EnsureCapacity(values.Count);
        foreach (var entry in entries)
        {
            if (!values.TryGetValue(entry.Path, out var raw))
            {
                if (rejected is not null && rejected.Contains(entry.Path))
                {
                    // Akeyless refused the name itself (too long, bad characters): the reference or path is wrong, not absent.
                    var source = entry.Kind == SecretEntryKind.Reference ? $"Secret reference '{entry.Key}'" : "An entry of Paths";
                    Log.NameRejected(_logger, source, entry.Path);
                    Problems.Add($"{source} names {Quote.Of(entry.Path)}, which Akeyless rejects as a secret name; correct it.");
                    if (entry.Kind == SecretEntryKind.Reference && !_options.LeavesMissingReferencesToAnEarlierSource)
                    {
                        Set(entry.Key, null, entry.Path);
                    }

                    continue;
                }

                if (entry.Kind == SecretEntryKind.Reference)
                {
                    // Hide the unresolved "akeyless:/..." text rather than hand it to the application as a value; when an
                    // earlier Akeyless source resolves references too, it does that (or holds the value this account lacks).
                    Problems.Add($"Secret reference {Quote.Of(entry.Key)} names {Quote.Of(entry.Path)}, which does not exist.");
                    if (!_options.LeavesMissingReferencesToAnEarlierSource)
                    {
                        Log.ReferenceNotFound(_logger, entry.Key, entry.Path);
                        Set(entry.Key, null, entry.Path);
                    }
                }

                continue;
            }

            switch (entry.Kind)
            {
                case SecretEntryKind.Secret:
                    AddSecret(entry, raw);
                    break;
                case SecretEntryKind.Connection:
                    AddConnection(entry, raw);
                    break;
                case SecretEntryKind.Variable:
                    Set(ConfigurationPath.Combine(_options.VariablesPrefix, ToKey(entry.Key)), AirflowValue.Unwrap(raw), entry.Path);
                    break;
                case SecretEntryKind.Config:
                    Set(ConfigurationPath.Combine(_options.ConfigPrefix, ToKey(entry.Key)), AirflowValue.Unwrap(raw), entry.Path);
                    break;
                case SecretEntryKind.Reference:
                    Set(entry.Key, raw, entry.Path);
                    break;
            }
        }

        return _data;
    }

    private void AddSecret(SecretEntry entry, string raw)
    {
        if (_options.FlattenJson && JsonFlattener.TryParseContainer(raw, out var document))
        {
            using (document)
            {
                var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                JsonFlattener.Flatten(document!.RootElement, entry.Key.Length == 0 ? null : entry.Key, (key, value) =>
                {
                    if (keys.Add(key) || ReplacesRepeatedKey(key, entry.Path))
                    {
                        Set(key, value, entry.Path);
                    }
                });
            }

            return;
        }

        Set(entry.Key, raw, entry.Path);
    }

    /// <summary>
    /// Keys ignore case, so <c>"Db"</c> and <c>"db"</c> in one JSON secret are one key: the policy applies as it does
    /// between two secrets. Whether the later property replaces the earlier one.
    /// </summary>
    private bool ReplacesRepeatedKey(string key, string path)
    {
        switch (_options.DuplicateKeyPolicy)
        {
            case DuplicateKeyPolicy.Skip:
                Log.DuplicateKeySkipped(_logger, key, path, path);
                return false;
            case DuplicateKeyPolicy.Throw:
                throw new AkeylessConfigurationException(
                    $"The secret {Quote.Of(path)} holds JSON with two properties mapping to the configuration key {Quote.Of(key)} (keys ignore case). Rename one, or set DuplicateKeyPolicy to Replace or Skip.",
                    nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy));
            default:
                return true;
        }
    }

    private void AddConnection(SecretEntry entry, string raw)
    {
        var id = entry.Key;
        AkeylessConnection connection;
        try
        {
            connection = ConnectionParser.Parse(raw, id);
        }
        catch (AkeylessConnectionFormatException ex)
        {
            Log.ConnectionInvalid(_logger, id, entry.Path, ex.Reason);
            Problems.Add(ex.Message);
            return;
        }

        var prefix = ConfigurationPath.Combine(_options.ConnectionsPrefix, ToKey(id));
        Set(ConfigurationPath.Combine(prefix, "ConnType"), connection.ConnType, entry.Path);
        Set(ConfigurationPath.Combine(prefix, "Host"), connection.Host, entry.Path);
        Set(ConfigurationPath.Combine(prefix, "Login"), connection.Login, entry.Path);
        Set(ConfigurationPath.Combine(prefix, "Password"), connection.Password, entry.Path);
        Set(ConfigurationPath.Combine(prefix, "Schema"), connection.Schema, entry.Path);
        Set(ConfigurationPath.Combine(prefix, "Port"), connection.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Path);
        if (connection.ExtraText is not null)
        {
            Set(ConfigurationPath.Combine(prefix, "Extra"), connection.ExtraText, entry.Path);
        }

        foreach (var (key, value) in connection.Extra)
        {
            Set(ConfigurationPath.Combine(prefix, "Extra", key), value, entry.Path);
        }

        try
        {
            if (ConnectionStringFactory.Create(connection, id) is { } connectionString)
            {
                Set(ConfigurationPath.Combine(_options.ConnectionStringsPrefix, ToKey(id)), connectionString, entry.Path);
            }
        }
        catch (AkeylessConnectionFormatException ex)
        {
            Log.ConnectionStringUnavailable(_logger, id, ex.Reason);
            Problems.Add(ex.Message);
        }
    }

    private void Set(string key, string? value, string path)
    {
        if (_owners.TryGetValue(key, out var owner) && !string.Equals(owner, path, StringComparison.Ordinal))
        {
            switch (_options.DuplicateKeyPolicy)
            {
                case DuplicateKeyPolicy.Skip:
                    Log.DuplicateKeySkipped(_logger, key, path, owner);
                    return;
                case DuplicateKeyPolicy.Throw:
                    throw new AkeylessConfigurationException(
                        $"The secrets {Quote.Of(owner)} and {Quote.Of(path)} both map to the configuration key {Quote.Of(key)}. Rename one, filter one out, or set DuplicateKeyPolicy to Replace or Skip.",
                        nameof(AkeylessConfigurationOptions.DuplicateKeyPolicy));
            }
        }

        _owners[key] = path;
        _data[key] = value;
    }

    /// <summary>
    /// An Airflow key holding <c>/</c> (a sub-folder, without a team) becomes a configuration section. Any other separator
    /// is part of the id, as the backend's lookups take it: <c>my-db</c> under <c>sep</c> <c>-</c> stays <c>ConnectionStrings:my-db</c>.
    /// </summary>
    private static string ToKey(string airflowKey) =>
        string.Join(ConfigurationPath.KeyDelimiter, airflowKey.Split('/', StringSplitOptions.RemoveEmptyEntries));
}
