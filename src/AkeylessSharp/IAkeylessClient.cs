namespace AkeylessSharp;

/// <summary>
/// Reads and manages secrets in Akeyless. Authentication, token refresh, retries and caching happen inside;
/// callers only name paths.
/// </summary>
/// <remarks>
/// Every member may throw <see cref="AkeylessException"/> or one of its subtypes; each member lists the specific ones.
/// Arguments are checked before anything is sent: a missing, blank or out-of-range argument (a path, an element of
/// <c>paths</c>, a per-call option), or text holding an unpaired surrogate (which would reach Akeyless as U+FFFD),
/// throws <see cref="ArgumentException"/> or a subtype naming it.
/// Implementations are thread-safe and meant to be shared (register once, as DI does).
/// </remarks>
public interface IAkeylessClient
{
    /// <summary>Gets the value of a static secret.</summary>
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    ValueTask<string> GetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the value of a static secret, or <see langword="null"/> when no item exists at the path.</summary>
    ValueTask<string?> TryGetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets many static secrets, in as few requests as <see cref="Caching.AkeylessCacheOptions.MaxBatchSize"/> (1,000 names
    /// without cache options) allows, a few in flight at once; the result is keyed by the paths as given.
    /// </summary>
    /// <exception cref="AkeylessNotFoundException">One of the paths names no item.</exception>
    Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, SecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Asks a dynamic secret's producer for fresh credentials.</summary>
    Task<DynamicSecret> GetDynamicSecretAsync(string path, DynamicSecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the current value of a rotated secret; pass <see cref="RotatedSecretRequestOptions"/> to send <c>args</c> or a linked target's <c>host</c>.</summary>
    Task<RotatedSecret> GetRotatedSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a secret of any kind: the item type is detected once with <c>describe-item</c>, remembered per path,
    /// and the matching read is dispatched. Options given as <see cref="DynamicSecretRequestOptions"/> or
    /// <see cref="RotatedSecretRequestOptions"/> reach that read with every field that has a meaning for its kind
    /// (<c>Arguments</c> for either, <c>Target</c> and <c>ProducerTimeout</c> for a dynamic secret, <c>Host</c> for a rotated one).
    /// </summary>
    Task<SecretValue> GetAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a static secret.</summary>
    /// <param name="path">The item's full path.</param>
    /// <param name="value">The value; not empty (Akeyless refuses one), white space is stored as given.</param>
    /// <param name="options">Description, tags and format, when wanted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or <paramref name="path"/> is blank.</exception>
    /// <exception cref="AkeylessConflictException">An item already exists at <paramref name="path"/>.</exception>
    Task CreateSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Writes a new version of a static secret.</summary>
    /// <param name="path">The item's full path.</param>
    /// <param name="value">The new value; not empty (Akeyless refuses one), white space is stored as given.</param>
    /// <param name="keepPreviousVersion">Whether earlier versions are kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or <paramref name="path"/> is blank.</exception>
    Task UpdateSecretValueAsync(string path, string value, bool keepPreviousVersion = true, CancellationToken cancellationToken = default);

    /// <summary>Updates a static secret, creating it only when the item does not exist (never on auth or network errors).</summary>
    /// <param name="path">The item's full path.</param>
    /// <param name="value">The value; not empty (Akeyless refuses one), white space is stored as given.</param>
    /// <param name="options">Description, tags and format, used only when the item is created.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or <paramref name="path"/> is blank.</exception>
    Task UpsertSecretAsync(string path, string value, CreateSecretOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an item with all its versions.</summary>
    Task DeleteItemAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Describes an item: its type, versions, dates, description and tags.</summary>
    Task<AkeylessItem> DescribeItemAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists the items under a folder at any depth, following every page.</summary>
    IAsyncEnumerable<AkeylessItem> ListItemsAsync(string path = "/", ListItemsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the names of the secrets directly under a folder, relative to it.</summary>
    Task<IReadOnlyList<string>> ListSecretsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists the names of the immediate sub-folders of a folder, relative to it.</summary>
    Task<IReadOnlyList<string>> ListSubfoldersAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Gets what the caller may do at a path.</summary>
    Task<AkeylessPermissions> GetPermissionsAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Asks an SSH certificate issuer to sign a public key for a user; returns the OpenSSH certificate text.</summary>
    Task<string> GetSshCertificateAsync(string issuer, string username, string publicKey, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Contacts Akeyless now (authenticating when needed, then one cheap authorized call, even with a token cached) and
    /// reports success or the reason for failure; never throws an <see cref="AkeylessException"/>.
    /// </summary>
    Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an API command the other members do not wrap, with the client's token, retries, timeouts and typed errors
    /// (the Airflow hook's <c>get_conn()</c>); see <see cref="AkeylessClient.InvokeAsync"/> for the details.
    /// </summary>
    /// <param name="command">The command name, such as <c>list-roles</c>: lowercase letters, digits and <c>-</c>.</param>
    /// <param name="body">The request fields in the API's kebab-case; not modified.</param>
    /// <param name="options">Whether the command is idempotent, token and timeout; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON.</returns>
    /// <exception cref="NotSupportedException">This implementation does not send raw commands (a test double or a decorator that
    /// does not override this member); <see cref="AkeylessClient"/> always does.</exception>
    Task<System.Text.Json.Nodes.JsonNode?> InvokeAsync(string command, System.Text.Json.Nodes.JsonObject body, AkeylessCommandOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} does not send raw Akeyless commands; implement IAkeylessClient.InvokeAsync, or call it on an AkeylessClient.");
}
