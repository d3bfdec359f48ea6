using AkeylessSharp.Settings.Internal;
using System.ComponentModel.DataAnnotations;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace AkeylessSharp;

/// <summary>
/// Settings of an <see cref="AkeylessClient"/>: where the API is, how to authenticate, and how patiently to talk to it.
/// Bindable from <c>IConfiguration</c>; also built by <see cref="FromConnectionString"/> and <see cref="FromAirflowExtras"/>.
/// </summary>
/// <remarks>
/// Only the fields of the chosen <see cref="AccessType"/> are read. <see cref="ToString"/> never prints a secret field.
/// </remarks>
public sealed partial class AkeylessClientOptions
{
    /// <summary>The default SaaS endpoint.</summary>
    public const string DefaultApiUrl = "https://api.akeyless.io";

    /// <summary>The default of <see cref="MaxResponseSize"/>: 64 MB.</summary>
    public const int DefaultMaxResponseSize = 64 * 1024 * 1024;

    /// <summary>The in-pod path of the Kubernetes service-account token.</summary>
    public const string DefaultK8sServiceAccountTokenPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>
    /// The API base: the SaaS endpoint or a Gateway in one of its forms (<c>https://gw:8000/api/v2</c>,
    /// <c>https://gw:8080/v2</c>, <c>https://gw:8081</c>). Without a scheme, <c>https://</c> is assumed.
    /// </summary>
    /// <value>The default is <c>https://api.akeyless.io</c>.</value>
    [Required]
    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The access id of the auth method, <c>p-</c> followed by letters and digits.</summary>
    /// <value>The default is <see langword="null"/>; required by every access type except <c>uid</c>.</value>
    [RegularExpression("^p-[0-9a-zA-Z]+$", ErrorMessage = "AccessId must look like 'p-' followed by letters and digits (for example p-abc123xyz789).")]
    public string? AccessId { get; set; }

    /// <summary>How to authenticate.</summary>
    /// <value>The default is <see cref="AkeylessAccessType.ApiKey"/>.</value>
    [EnumDataType(typeof(AkeylessAccessType))]
    public AkeylessAccessType AccessType { get; set; } = AkeylessAccessType.ApiKey;

    /// <summary>The access key, for <see cref="AkeylessAccessType.ApiKey"/>. Secret.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The universal identity token (<c>u-...</c>), for <see cref="AkeylessAccessType.UniversalIdentity"/>. Secret.</summary>
    public string? UidToken { get; set; }

    /// <summary>
    /// Opt-in rotation of <see cref="UidToken"/>, as the Akeyless universal identity flow expects: before each exchange for an
    /// API token the client calls <c>uid-rotate-token</c> (which revokes the old uid token), uses the new one from then on,
    /// and hands it to <see cref="OnUidTokenRotated"/>. The API token is renewed at least this often, so the uid token is
    /// rotated well before its own TTL ends; choose an interval shorter than that TTL.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the uid token is never rotated.</value>
    [TimeSpanRange("00:01:00", "30.00:00:00")]
    public TimeSpan? UidTokenRotationInterval { get; set; }

    /// <summary>
    /// Stores a rotated uid token so it survives a restart (a secret store, a file the process reads at start): called with the
    /// new token after each rotation. If it throws, the call fails with an <see cref="AkeylessException"/>, the new token is
    /// kept in memory, and the next authentication rotates and calls it again. Never called twice at once: a rotation waits
    /// for a call still running, even one whose authentication was given up, so the last token stored is the live one.
    /// Not bindable from configuration.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the rotated token lives only in this client.</value>
    public Func<string, CancellationToken, ValueTask>? OnUidTokenRotated { get; set; }

    /// <summary>The JWT, for <see cref="AkeylessAccessType.Jwt"/>; takes precedence over <see cref="JwtEnvironmentVariable"/>. Secret.</summary>
    public string? Jwt { get; set; }

    /// <summary>The environment variable holding the JWT (the reference's <c>jwt_env_key</c>), read at each authentication.</summary>
    public string? JwtEnvironmentVariable { get; set; }

    /// <summary>The Gateway's Kubernetes auth config name, for <see cref="AkeylessAccessType.Kubernetes"/>.</summary>
    public string? K8sAuthConfigName { get; set; }

    /// <summary>The service-account token itself (not base64); when unset it is read from <see cref="K8sServiceAccountTokenPath"/>. Secret.</summary>
    public string? K8sServiceAccountToken { get; set; }

    /// <summary>The file holding the service-account token, read at each authentication so projected-token rotation is honoured.</summary>
    /// <value>The default is <c>/var/run/secrets/kubernetes.io/serviceaccount/token</c>.</value>
    public string K8sServiceAccountTokenPath { get; set; } = DefaultK8sServiceAccountTokenPath;

    /// <summary>The Gateway URL sent with k8s authentication; <see langword="null"/> sends the Gateway root derived from <see cref="ApiUrl"/>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>The client certificate, PEM, base64 of PEM, or base64 of DER, for <see cref="AkeylessAccessType.Certificate"/>.</summary>
    public string? CertificateData { get; set; }

    /// <summary>The certificate's private key, PEM, base64 of PEM, or base64 of DER (PKCS#8, RSA or EC). Secret.</summary>
    public string? PrivateKeyData { get; set; }

    /// <summary>The audience of the GCP ID token.</summary>
    /// <value>The default is <c>akeyless.io</c>.</value>
    public string GcpAudience { get; set; } = "akeyless.io";

    /// <summary>The object id of a user-assigned Azure managed identity; <see langword="null"/> uses the system identity.</summary>
    public string? AzureObjectId { get; set; }

    /// <summary>The Akeyless CLI profile whose stored credentials <see cref="AkeylessAccessType.Saml"/> uses.</summary>
    /// <value>The default is <c>default</c>.</value>
    [RegularExpression("^[0-9a-zA-Z-]+$", ErrorMessage = "Profile may contain only letters, digits and '-'.")]
    public string Profile { get; set; } = "default";

    /// <summary>
    /// The command run to log in again when the CLI's stored SAML credentials are not a token valid beyond
    /// <see cref="TokenRefreshBuffer"/> (missing, expired, without an expiry, or raw credentials, as clearskies decides);
    /// <c>{profile}</c> is replaced by <see cref="Profile"/>. Run without a shell: the first word is the program; double
    /// quotes keep a word holding spaces together (<c>"/opt/my tools/akeyless" list-items ...</c>).
    /// </summary>
    /// <value>
    /// The default is <c>akeyless list-items --profile {profile} --path /not/a/real/path</c>, as clearskies runs it: listing a
    /// folder that holds nothing makes the CLI log in without fetching or printing the account's items.
    /// </value>
    public string SamlLoginCommand { get; set; } = "akeyless list-items --profile {profile} --path /not/a/real/path";

    /// <summary>
    /// The folder holding the CLI's stored credentials; <see langword="null"/> means <c>~/.akeyless/.tmp_creds</c>. A leading
    /// <c>~/</c> is the user's home folder, as in a shell.
    /// </summary>
    public string? SamlCredentialsDirectory { get; set; }

    /// <summary>
    /// How long a token lives when the auth response does not say (no <c>creds.expiry</c> and no <c>expiration</c>);
    /// clearskies' <c>auth_token_ttl</c>, with its range: 300 to 43,200 seconds.
    /// </summary>
    /// <value>The default is 3600 seconds.</value>
    [TimeSpanRange("00:05:00", "12:00:00")]
    public TimeSpan AuthTokenTtl { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>
    /// How long before expiry a token is renewed (clearskies' <c>token_refresh_buffer</c>, with its range: 0 to 3,600 seconds);
    /// capped at half the token's lifetime.
    /// </summary>
    /// <value>The default is 300 seconds.</value>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan TokenRefreshBuffer { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// The limit on one client call, authentication and retries included; a call's own timeout overrides it. An
    /// authentication (which concurrent calls share) is also given up after it, so a stuck cloud-id provider or CLI
    /// cannot hold every later call: the next call authenticates afresh.
    /// </summary>
    /// <value>The default is 100 seconds.</value>
    [TimeSpanRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a failed request is retried (5xx, 408, 429, network errors, bodies cut short); 0 disables retries.</summary>
    /// <remarks>Writes (<c>create-secret</c>, <c>update-secret-val</c>, <c>delete-item</c>) are retried only on 429 and on
    /// connection failures, never on 5xx, because the server may already have applied them.</remarks>
    /// <value>The default is 3.</value>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The base of the exponential back-off between retries (jittered); a <c>Retry-After</c> header wins, unless it asks for
    /// more than the call has left of <see cref="Timeout"/> and <see cref="TotalRequestTimeout"/>: then the call fails at
    /// once with an <see cref="AkeylessServiceUnavailableException"/> naming the wait, instead of sleeping into a timeout.
    /// </summary>
    /// <value>The default is 1 second.</value>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The limit on one HTTP attempt, reading the whole response body included.</summary>
    /// <value>The default is 10 seconds.</value>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The limit on one HTTP request, all its retries and response bodies included.</summary>
    /// <value>The default is 30 seconds.</value>
    [TimeSpanRange("00:00:00.001", "1.00:00:00")]
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest response body the client holds in memory, in bytes, counted after gzip decompression. A larger answer
    /// (a decompression bomb, a proxy streaming something else) fails at once with an <see cref="AkeylessProtocolException"/>
    /// naming this option, without a retry. A page of 1,000 items or a batch of 1,000 secret values of 16 KB each
    /// fits well within the default. Applies to the HTTP pipelines the library builds; an <see cref="HttpClient"/> you
    /// pass in keeps its own <see cref="HttpClient.MaxResponseContentBufferSize"/>.
    /// </summary>
    /// <value>The default is 64 MB (67,108,864 bytes).</value>
    [Range(1024, int.MaxValue)]
    public int MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>A PEM bundle of CA certificates trusted for a Gateway with a private certificate (in addition to the system store's chain check).</summary>
    public string? GatewayCaBundlePath { get; set; }

    /// <summary>
    /// Custom server certificate validation for a Gateway, given the certificate, its chain and the platform's verdict;
    /// when set it replaces the <see cref="GatewayCaBundlePath"/> check. Not bindable from configuration.
    /// </summary>
    public Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? ServerCertificateValidation { get; set; }

    /// <summary>
    /// Caching of secret values (the reference's <c>cache_storage</c>): time to live per secret type, coalescing,
    /// micro-batching, stale-if-error. <see langword="null"/>, the default, reads Akeyless on every call.
    /// Bound from the <c>Cache</c> sub-section.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    [Microsoft.Extensions.Options.ValidateObjectMembers]
    public AkeylessSharp.Caching.AkeylessCacheOptions? Cache { get; set; }

    /// <summary>
    /// Where cached values live when <see cref="Cache"/> is set: a <see cref="AkeylessSharp.Caching.DistributedSecretCache"/>
    /// to share them across a fleet, or your own. <see langword="null"/> keeps them in this process's memory. Not bindable.
    /// </summary>
    public AkeylessSharp.Caching.ISecretCache? SecretCache { get; set; }

    /// <summary>
    /// The fleet-wide lock that lets one instance fetch a secret missing from a shared <see cref="SecretCache"/> while the
    /// others wait for it there. <see langword="null"/> (the default) coordinates misses within this process only. Not bindable;
    /// <c>AddRedisCache</c> sets it.
    /// </summary>
    public AkeylessSharp.Caching.ISecretFetchLock? SecretFetchLock { get; set; }

    /// <summary>Describes the options without any secret: secret fields show only whether they are set.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder("AkeylessClientOptions { ");
        sb.Append("ApiUrl = ").Append(ApiUrl is null ? null : Http.Internal.ApiUrl.Redact(ApiUrl)).Append(", AccessType = ").Append(AccessType);
        sb.Append(", AccessId = ").Append(AccessId ?? "(none)");
        Secret(sb, nameof(AccessKey), AccessKey);
        Secret(sb, nameof(UidToken), UidToken);
        Secret(sb, nameof(Jwt), Jwt);
        Secret(sb, nameof(K8sServiceAccountToken), K8sServiceAccountToken);
        Secret(sb, nameof(PrivateKeyData), PrivateKeyData);
        if (JwtEnvironmentVariable is not null)
        {
            sb.Append(", JwtEnvironmentVariable = ").Append(JwtEnvironmentVariable);
        }

        if (K8sAuthConfigName is not null)
        {
            sb.Append(", K8sAuthConfigName = ").Append(K8sAuthConfigName);
        }

        sb.Append(", Profile = ").Append(Profile).Append(" }");
        return sb.ToString();
    }

    private static void Secret(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append(", ").Append(name).Append(" = ***");
        }
    }
}
