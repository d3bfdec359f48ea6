using System.Runtime.CompilerServices;
using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration;

/// <summary>
/// Direct lookups in the Airflow layout, like the Airflow backend's <c>get_connection</c>, <c>get_variable</c> and
/// <c>get_config</c>: each reads <c>&lt;base&gt;/&lt;key&gt;</c> on demand. Connections and variables may be team-scoped
/// (the team's path, then the global one; the team fixed in the options or chosen per lookup, like Airflow's
/// <c>team_name</c>); config entries never are, as in Airflow.
/// Absent secrets give <see langword="null"/>; authentication, permission and availability failures throw.
/// </summary>
public sealed class AkeylessSecretsBackend
{
    private readonly IAkeylessClient _client;
    private readonly AkeylessConfigurationOptions _options;
    private readonly AirflowLayout _layout;
    private readonly AirflowLayout _unscoped;

    /// <summary>Creates a backend reading through <paramref name="client"/> with the paths, team and separator of <paramref name="options"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="options">Supplies <see cref="AkeylessConfigurationOptions.ConnectionsPath"/>, <see cref="AkeylessConfigurationOptions.VariablesPath"/>,
    /// <see cref="AkeylessConfigurationOptions.ConfigPath"/>, <see cref="AkeylessConfigurationOptions.Team"/>, <see cref="AkeylessConfigurationOptions.GlobalPath"/> and <see cref="AkeylessConfigurationOptions.Separator"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The separator is empty.</exception>
    public AkeylessSecretsBackend(IAkeylessClient client, AkeylessConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _layout = AirflowLayout.For(options);
        _unscoped = new AirflowLayout(null, null, options.Separator);
    }

    /// <summary>Reads and parses a connection (URI, JSON, JSON with <c>conn_uri</c>, or a JSON string holding a URI).</summary>
    /// <param name="connectionId">The connection id, such as <c>postgres_default</c>.</param>
    /// <param name="teamName">The team whose folder is tried first (Airflow's per-call <c>team_name</c>); <see langword="null"/>
    /// uses <see cref="AkeylessConfigurationOptions.Team"/>. Ignored when <see cref="AkeylessConfigurationOptions.UseTeamSecretsPath"/> is off.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The connection, or <see langword="null"/> when no secret exists or the connections path is not set.</returns>
    /// <exception cref="ArgumentException">The id is empty, or contains the separator while a team is set; or the team name contains the separator.</exception>
    /// <exception cref="AkeylessConnectionFormatException">The secret exists but is not a connection; the message names the id and the problem.</exception>
    /// <exception cref="AkeylessException">Akeyless could not be asked (authentication, permission, availability).</exception>
    public async Task<AkeylessConnection?> GetConnectionAsync(string connectionId, string? teamName = null, CancellationToken cancellationToken = default)
    {
        var (path, value) = await LookupAsync(Scoped(teamName), _options.ConnectionsPath, connectionId, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return null;
        }

        try
        {
            return ConnectionParser.Parse(value, connectionId);
        }
        catch (AkeylessConnectionFormatException ex)
        {
            throw ex.WithContext(connectionId, path);
        }
    }

    /// <summary>Reads a variable; a JSON object with a <c>value</c> field resolves to that field.</summary>
    /// <param name="key">The variable key.</param>
    /// <param name="teamName">The team whose folder is tried first (Airflow's per-call <c>team_name</c>); <see langword="null"/>
    /// uses <see cref="AkeylessConfigurationOptions.Team"/>. Ignored when <see cref="AkeylessConfigurationOptions.UseTeamSecretsPath"/> is off.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The value, or <see langword="null"/> when no secret exists or the variables path is not set.</returns>
    /// <exception cref="ArgumentException">The key is empty, or contains the separator while a team is set; or the team name contains the separator.</exception>
    /// <exception cref="AkeylessException">Akeyless could not be asked (authentication, permission, availability).</exception>
    public async Task<string?> GetVariableAsync(string key, string? teamName = null, CancellationToken cancellationToken = default)
    {
        var (_, value) = await LookupAsync(Scoped(teamName), _options.VariablesPath, key, cancellationToken).ConfigureAwait(false);
        return value is null ? null : AirflowValue.Unwrap(value);
    }

    /// <summary>Reads a config entry at <c>&lt;config path&gt;/&lt;key&gt;</c>, never team-scoped (as in Airflow); a JSON object with a <c>value</c> field resolves to that field.</summary>
    /// <param name="key">The config key, such as <c>smtp_host</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The value, or <see langword="null"/> when no secret exists or the config path is not set.</returns>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    /// <exception cref="AkeylessException">Akeyless could not be asked (authentication, permission, availability).</exception>
    public async Task<string?> GetConfigAsync(string key, CancellationToken cancellationToken = default)
    {
        var (_, value) = await LookupAsync(_unscoped, _options.ConfigPath, key, cancellationToken).ConfigureAwait(false);
        return value is null ? null : AirflowValue.Unwrap(value);
    }

    private AirflowLayout Scoped(string? teamName)
    {
        if (string.IsNullOrWhiteSpace(teamName) || !_options.UseTeamSecretsPath)
        {
            return _layout;
        }

        if (teamName.Contains(_options.Separator, StringComparison.Ordinal) || teamName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The team name '{teamName}' must not contain '/' or the separator '{_options.Separator}'.", nameof(teamName));
        }

        return new AirflowLayout(teamName, _options.GlobalPath, _options.Separator);
    }

    private async Task<(string? Path, string? Value)> LookupAsync(AirflowLayout layout, string? basePath, string key, CancellationToken cancellationToken, [CallerArgumentExpression(nameof(key))] string paramName = "")
    {
        foreach (var path in layout.Candidates(basePath, key, paramName))
        {
            var value = await _client.TryGetSecretAsync(path, null, cancellationToken).ConfigureAwait(false);
            if (value is not null)
            {
                return (path, value);
            }
        }

        return (null, null);
    }
}
