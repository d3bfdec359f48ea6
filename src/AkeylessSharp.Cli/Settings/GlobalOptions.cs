using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Settings;

/// <summary>The connection and diagnostic options every command accepts, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> ApiUrl { get; } = Recursive("--api-url", "The API or Gateway URL [env: AKEYLESS_API_URL; default: https://api.akeyless.io].");

    public Option<string?> AccessId { get; } = Recursive("--access-id", "The auth method's access id, p-... [env: AKEYLESS_ACCESS_ID].");

    public Option<string?> AccessType { get; } = Recursive("--access-type", "api_key, uid, jwt, k8s, certificate, saml, aws_iam, gcp or azure_ad [env: AKEYLESS_ACCESS_TYPE; default: api_key, or uid/jwt/k8s/certificate when only that credential is set].");

    public Option<string?> AccessKey { get; } = Recursive("--access-key", "The access key [env: AKEYLESS_ACCESS_KEY]; prefer the variable: a flag is visible in process lists and shell history.");

    public Option<string?> UidToken { get; } = Recursive("--uid-token", "A universal identity token, u-... [env: AKEYLESS_UID_TOKEN].");

    public Option<string?> JwtEnv { get; } = Recursive("--jwt-env", "The environment variable that holds the JWT (the JWT itself: AKEYLESS_JWT).");

    public Option<string?> Profile { get; } = Recursive("--profile", "An Akeyless CLI profile, ~/.akeyless/profiles/NAME.toml, to take the access id, key and type from [env: AKEYLESS_PROFILE; default: the default profile when nothing else says how to connect].");

    public Option<string?> K8sAuthConfigName { get; } = Recursive("--k8s-auth-config-name", "The Kubernetes auth config, for k8s [env: AKEYLESS_K8S_AUTH_CONFIG_NAME].");

    public Option<string?> K8sTokenFile { get; } = Recursive("--k8s-token-file", "The service-account token file, for k8s [env: AKEYLESS_K8S_TOKEN_FILE; default: the in-pod path].");

    public Option<string?> CertFile { get; } = Recursive("--cert-file", "The client certificate (PEM or DER), for certificate [env: AKEYLESS_CERT_FILE].");

    public Option<string?> KeyFile { get; } = Recursive("--key-file", "The certificate's private key (PEM or DER), for certificate [env: AKEYLESS_KEY_FILE].");

    public Option<string?> GcpAudience { get; } = Recursive("--gcp-audience", "The audience of the GCP identity token, for gcp [env: AKEYLESS_GCP_AUDIENCE; default: akeyless.io].");

    public Option<string?> AzureObjectId { get; } = Recursive("--azure-object-id", "The managed identity's object id, for azure_ad [env: AKEYLESS_AZURE_OBJECT_ID].");

    public Option<string?> ConnectionString { get; } = Recursive("--connection-string", "All settings in one string, akeyless://ID:KEY@host or ApiUrl=...;AccessId=... [env: AKEYLESS_CONNECTION_STRING]; other settings override it.");

    public Option<int?> Timeout { get; } = Recursive<int?>("--timeout", "The limit on each call in seconds, authentication and retries included; when given, it also raises a lower AttemptTimeout / TotalRequestTimeout (one request: 10 s / 30 s, or as set in --connection-string) to itself, so no request ends sooner [default: 100].").WholeNumber();

    public Option<bool> Emulator { get; } = Recursive<bool>("--emulator", "Run against a throw-away in-memory emulator started for this command, empty unless --seed gives it items (for trying things out).");

    public Option<FileInfo?> Seed { get; } = Recursive<FileInfo?>("--seed", "With --emulator or serve: a seed JSON file of items, auth methods and roles.");

    public Option<bool> Verbose { get; } = Recursive<bool>("--verbose", "Log requests to standard error and print stack traces of errors. Never logs secret values.");

    public IEnumerable<Option> All =>
        [ApiUrl, AccessId, AccessType, AccessKey, UidToken, JwtEnv, Profile, K8sAuthConfigName, K8sTokenFile, CertFile, KeyFile, GcpAudience, AzureObjectId,
         ConnectionString, Timeout, Emulator, Seed, Verbose];

    /// <summary>The options that say how to reach Akeyless: all but <see cref="Seed"/> and <see cref="Verbose"/>, which serve reads too.</summary>
    public IEnumerable<Option> Connection => All.Where(o => o != Seed && o != Verbose);

    private static Option<string?> Recursive(string name, string description) => Recursive<string?>(name, description);

    private static Option<T> Recursive<T>(string name, string description) => new(name)
    {
        Description = description,
        Recursive = true,
    };
}
