using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Configuration;

/// <summary>
/// Settings of one Akeyless configuration source: which client, which secrets, how they map to keys, and reload.
/// Bindable from configuration (the <c>Akeyless</c> section holds these and the client's settings side by side).
/// </summary>
/// <remarks>At least one of <see cref="BasePaths"/>, <see cref="Paths"/>, <see cref="ConnectionsPath"/>,
/// <see cref="VariablesPath"/>, <see cref="ConfigPath"/> or <see cref="ResolveSecretReferences"/> must select something.</remarks>
public sealed class AkeylessConfigurationOptions
{
    /// <summary>A ready client, such as one shared with the rest of the application; when set, <see cref="ClientOptions"/> is ignored.</summary>
    /// <value>The default is <see langword="null"/>: a client is created from <see cref="ClientOptions"/> and disposed with the provider.</value>
    public IAkeylessClient? Client { get; set; }

    /// <summary>The settings of the client created when <see cref="Client"/> is not set; every access type is supported.</summary>
    public AkeylessClientOptions ClientOptions { get; set; } = new();

    /// <summary>
    /// Cloud-id providers for the client created from <see cref="ClientOptions"/> with the <c>aws_iam</c>, <c>azure_ad</c>
    /// or <c>gcp</c> access types, for example <c>[new AwsIamCloudIdProvider()]</c> from AkeylessSharp.CloudId.Aws.
    /// </summary>
    /// <value>The default is <see langword="null"/>: those access types fail with a message naming the package.</value>
    public IEnumerable<Auth.ICloudIdProvider>? CloudIdProviders { get; set; }

    /// <summary>
    /// Folders whose static secrets all become configuration, keyed relative to the folder
    /// (<c>/app/prod/Db/Password</c> under <c>/app/prod</c> becomes <c>Db:Password</c>). Needs list permission.
    /// </summary>
    public IList<string> BasePaths { get; } = [];

    /// <summary>
    /// Secrets read by name without listing (works without list permission). Keys are relative to the longest base path
    /// containing them, otherwise the whole path (<c>/shared/smtp/host</c> becomes <c>shared:smtp:host</c>).
    /// </summary>
    public IList<string> Paths { get; } = [];

    /// <summary>A predicate on listed items under <see cref="BasePaths"/>; items it rejects are not read.</summary>
    /// <value>The default is <see langword="null"/> (every item).</value>
    public Func<AkeylessItem, bool>? Filter { get; set; }

    /// <summary>Tags every listed item under <see cref="BasePaths"/> must carry to be loaded.</summary>
    public IList<string> Tags { get; } = [];

    /// <summary>Whether a secret under <see cref="BasePaths"/> or <see cref="Paths"/> whose value is a JSON object or array is
    /// flattened into child keys (<c>Db:Hosts:0</c>) instead of kept as text.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool FlattenJson { get; set; } = true;

    /// <summary>The Airflow connections folder (the backend's <c>connections_path</c>); <see langword="null"/> or empty disables it with no request.</summary>
    public string? ConnectionsPath { get; set; }

    /// <summary>The Airflow variables folder (<c>variables_path</c>); <see langword="null"/> or empty disables it with no request.</summary>
    public string? VariablesPath { get; set; }

    /// <summary>The Airflow config folder (<c>config_path</c>); <see langword="null"/> or empty disables it with no request.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>The key prefix of connections: <c>Connections:&lt;id&gt;:Host</c>.</summary>
    /// <value>The default is <c>Connections</c>.</value>
    public string ConnectionsPrefix { get; set; } = "Connections";

    /// <summary>The key prefix of the ADO.NET forms of connections, read by <c>GetConnectionString(id)</c>.</summary>
    /// <value>The default is <c>ConnectionStrings</c>.</value>
    public string ConnectionStringsPrefix { get; set; } = "ConnectionStrings";

    /// <summary>The key prefix of variables: <c>Variables:&lt;key&gt;</c>.</summary>
    /// <value>The default is <c>Variables</c>.</value>
    public string VariablesPrefix { get; set; } = "Variables";

    /// <summary>The key prefix of config entries: <c>Config:&lt;key&gt;</c>.</summary>
    /// <value>The default is <c>Config</c>.</value>
    public string ConfigPrefix { get; set; } = "Config";

    /// <summary>
    /// A team name: connections and variables are looked up at <c>&lt;base&gt;/&lt;team&gt;/&lt;key&gt;</c> first, then
    /// at <c>&lt;base&gt;/&lt;GlobalPath&gt;/&lt;key&gt;</c> (or <c>&lt;base&gt;/&lt;key&gt;</c>). Keys containing the separator are refused.
    /// Config entries are never team-scoped, as in Airflow. <see cref="AkeylessSecretsBackend"/> lookups may name another team per call.
    /// </summary>
    /// <value>The default is <see langword="null"/> (no team).</value>
    public string? Team { get; set; }

    /// <summary>Whether a team (<see cref="Team"/> or a per-lookup one) scopes lookups at all: the backend's <c>use_team_secrets_path</c>.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseTeamSecretsPath { get; set; } = true;

    /// <summary>The shared folder consulted after the team's own, when a <see cref="Team"/> is set.</summary>
    /// <value>The default is <see langword="null"/> (the base folder itself).</value>
    public string? GlobalPath { get; set; }

    /// <summary>The separator joining base path, team and key in the Airflow layout.</summary>
    /// <value>The default is <c>/</c>.</value>
    public string Separator { get; set; } = "/";

    /// <summary>What happens when two secrets map to the same key.</summary>
    /// <remarks>
    /// A duplicate under <see cref="DuplicateKeyPolicy.Throw"/> is a configuration mistake, not an outage: the first load
    /// throws it even when <see cref="Optional"/> is set, like an invalid option. On a reload it is a failed reload
    /// (<see cref="AkeylessConfigurationProvider.LastError"/>) and the last good values stay.
    /// </remarks>
    /// <value>The default is <see cref="DuplicateKeyPolicy.Replace"/>.</value>
    public DuplicateKeyPolicy DuplicateKeyPolicy { get; set; } = DuplicateKeyPolicy.Replace;

    /// <summary>How often to look for changes, at most every 49 days; only items whose version changed are read again.</summary>
    /// <value>The default is <see langword="null"/> (no reload).</value>
    public TimeSpan? ReloadInterval { get; set; }

    /// <summary>
    /// Whether a failure of the first load is logged and tolerated (empty configuration, and each <c>akeyless:/…</c>
    /// reference reads as absent, not as its own text) instead of thrown. Configuration
    /// mistakes still throw: invalid options, and a duplicate key under <see cref="DuplicateKeyPolicy.Throw"/>.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Optional { get; set; }

    /// <summary>How many names one <c>get-secret-value</c> request carries.</summary>
    /// <value>The default is 100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many <c>get-secret-value</c> requests may be in flight at once.</summary>
    /// <value>The default is 4.</value>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>
    /// Whether values such as <c>akeyless:/prod/db/conn</c> found in the configuration sources added before this one
    /// are replaced by that secret (all of them fetched in the same batched requests).
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ResolveSecretReferences { get; set; } = true;

    /// <summary>The prefix marking a secret reference.</summary>
    /// <value>The default is <c>akeyless:</c>.</value>
    public string SecretReferencePrefix { get; set; } = "akeyless:";

    /// <summary>Chooses the listed secrets to load and maps paths to keys.</summary>
    /// <value>The default is <see cref="AkeylessSecretManager.Default"/>.</value>
    public AkeylessSecretManager SecretManager { get; set; } = AkeylessSecretManager.Default;

    /// <summary>The clock driving <see cref="ReloadInterval"/>.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where load summaries, reload failures and bad values are logged (never secret values).</summary>
    /// <value>The default is <see langword="null"/> (no logging; <see cref="AkeylessConfigurationProvider.LastError"/> still records failures).</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Builds options from the <c>backend_kwargs</c> JSON of an Airflow deployment's <c>AkeylessBackend</c>, unchanged:
    /// <c>connections_path</c>, <c>variables_path</c>, <c>config_path</c> (each defaulting to the backend's
    /// <c>/airflow/connections</c>, <c>/airflow/variables</c>, <c>/airflow/config</c>; <see langword="null"/> or empty disables it),
    /// <c>sep</c>, <c>use_team_secrets_path</c>, <c>global_secrets_path</c>, <c>token_ttl</c> (becomes
    /// <see cref="AkeylessClientOptions.AuthTokenTtl"/>), and the client fields (<c>api_url</c>, <c>access_id</c>,
    /// <c>access_key</c>, <c>access_type</c>, <c>uid_token</c>, ...). Unknown keys are ignored, as the backend does. When the JSON
    /// lacks <c>api_url</c>, <c>access_id</c> or <c>access_key</c>, <c>AKEYLESS_API_URL</c>, <c>AKEYLESS_ACCESS_ID</c> and
    /// <c>AKEYLESS_ACCESS_KEY</c> supply them, so the key need not sit in <c>airflow.cfg</c>.
    /// </summary>
    /// <param name="backendKwargsJson">The JSON object, as in <c>airflow.cfg</c> or <c>AIRFLOW__SECRETS__BACKEND_KWARGS</c>.</param>
    /// <returns>Options with validated client options; adjust them further before use if needed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backendKwargsJson"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">The JSON is invalid, or a value is invalid or missing; the message names the key.</exception>
    public static AkeylessConfigurationOptions FromAirflowBackendKwargs(string backendKwargsJson)
    {
        ArgumentNullException.ThrowIfNull(backendKwargsJson);
        return AirflowBackendKwargs.Parse(backendKwargsJson);
    }

    /// <summary>
    /// Builds options from a configuration section holding the <c>backend_kwargs</c> keys by their Airflow names
    /// (<c>Akeyless:Airflow:connections_path</c>, <c>Akeyless:Airflow:access_id</c>, ...), read explicitly without reflection.
    /// An empty value disables a path; an absent one takes the backend's default; the <c>AKEYLESS_*</c> variables fill absent client fields.
    /// </summary>
    /// <param name="section">The section.</param>
    /// <returns>Options with validated client options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A value is invalid or missing; the message names the key.</exception>
    public static AkeylessConfigurationOptions FromAirflowBackendKwargs(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AirflowBackendKwargs.Parse(section, Environment.GetEnvironmentVariable);
    }

    /// <summary>
    /// A copy of every setting (the lists copied; the client, its options, filter, providers, clock and logger factory shared), taken when
    /// the provider is built, so options changed afterwards, to add another source or by mistake, never change what an
    /// existing provider reloads or which account it reads with.
    /// </summary>
    internal AkeylessConfigurationOptions Snapshot()
    {
        var copy = new AkeylessConfigurationOptions
        {
            Client = Client,
            ClientOptions = ClientOptions, // the client built from them takes its own copy
            CloudIdProviders = CloudIdProviders,
            Filter = Filter,
            FlattenJson = FlattenJson,
            ConnectionsPath = ConnectionsPath,
            VariablesPath = VariablesPath,
            ConfigPath = ConfigPath,
            ConnectionsPrefix = ConnectionsPrefix,
            ConnectionStringsPrefix = ConnectionStringsPrefix,
            VariablesPrefix = VariablesPrefix,
            ConfigPrefix = ConfigPrefix,
            Team = Team,
            UseTeamSecretsPath = UseTeamSecretsPath,
            GlobalPath = GlobalPath,
            Separator = Separator,
            DuplicateKeyPolicy = DuplicateKeyPolicy,
            ReloadInterval = ReloadInterval,
            Optional = Optional,
            BatchSize = BatchSize,
            MaxConcurrentRequests = MaxConcurrentRequests,
            ResolveSecretReferences = ResolveSecretReferences,
            SecretReferencePrefix = SecretReferencePrefix,
            SecretManager = SecretManager,
            TimeProvider = TimeProvider,
            LoggerFactory = LoggerFactory,
        };
        Copy(BasePaths, copy.BasePaths);
        Copy(Paths, copy.Paths);
        Copy(Tags, copy.Tags);
        return copy;

        static void Copy(IList<string> from, IList<string> to)
        {
            foreach (var item in from)
            {
                to.Add(item);
            }
        }
    }

    /// <summary>
    /// Set on a provider's copy when an Akeyless source before it resolves references too: a reference this one cannot
    /// find is left to that one (which holds its value, or hides it) rather than hidden here.
    /// </summary>
    internal bool LeavesMissingReferencesToAnEarlierSource { get; set; }

    /// <summary>Describes the selection; no secret is included.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() =>
        $"AkeylessConfigurationOptions {{ BasePaths = [{string.Join(", ", BasePaths)}], Paths = {Paths.Count}, " +
        $"ConnectionsPath = {ConnectionsPath ?? "(off)"}, VariablesPath = {VariablesPath ?? "(off)"}, ConfigPath = {ConfigPath ?? "(off)"}, " +
        $"Team = {Team ?? "(none)"}, ReloadInterval = {ReloadInterval?.ToString() ?? "(off)"}, Optional = {Optional}, Client = {(Client is null ? ClientOptions.ToString() : "(given)")} }}";
}
