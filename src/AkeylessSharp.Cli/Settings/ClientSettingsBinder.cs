using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Settings.Internal;

namespace AkeylessSharp.Cli.Settings;

/// <summary>
/// Builds <see cref="AkeylessClientOptions"/> from the command line and the environment. Precedence, highest first:
/// a command-line option, its environment variable, the Akeyless CLI profile, the connection string (option, then
/// variable), the defaults.
/// The client validates the result when it is created.
/// </summary>
internal sealed class ClientSettingsBinder(GlobalOptions globals, CliConsole console)
{
    // The client's own limit on AkeylessClientOptions.Timeout.
    private const int MaxTimeoutSeconds = 86_400;

    // The client's own limit on AkeylessClientOptions.AttemptTimeout.
    private static readonly TimeSpan s_maxAttemptTimeout = TimeSpan.FromHours(1);

    private readonly ProfileStore _profiles = new(console.GetEnvironmentVariable);

    /// <summary>Binds the settings; warns on standard error when the access key was given as a flag.</summary>
    /// <exception cref="CliUsageException">An access type or timeout is invalid, or a certificate or key file cannot be read.</exception>
    /// <exception cref="AkeylessConfigurationException">The connection string is invalid.</exception>
    public AkeylessClientOptions Bind(ParseResult parse)
    {
        var connectionString = Pick(parse, globals.ConnectionString, AkeylessEnvironmentVariables.ConnectionString);
        var options = connectionString is null ? new AkeylessClientOptions() : PartialConnectionString(connectionString);
        var connects = connectionString is not null && SaysHowToConnect(options);
        var profileApplied = ApplyProfile(parse, connects, options);
        options.SamlCredentialsDirectory ??= _profiles.SamlCredentialsDirectory;

        if (Pick(parse, globals.ApiUrl, AkeylessEnvironmentVariables.ApiUrl) is { } apiUrl)
        {
            options.ApiUrl = apiUrl;
        }

        if (Pick(parse, globals.AccessId, AkeylessEnvironmentVariables.AccessId) is { } accessId)
        {
            options.AccessId = accessId;
        }

        if (parse.GetValue(globals.AccessKey) is { Length: > 0 })
        {
            console.Error.WriteLine("warning: --access-key is visible in process lists and shell history; prefer the AKEYLESS_ACCESS_KEY environment variable.");
        }

        options.AccessKey = Pick(parse, globals.AccessKey, AkeylessEnvironmentVariables.AccessKey) ?? options.AccessKey;
        options.UidToken = Pick(parse, globals.UidToken, AkeylessEnvironmentVariables.UidToken) ?? options.UidToken;
        options.Jwt = Env(AkeylessEnvironmentVariables.Jwt) ?? options.Jwt;
        options.JwtEnvironmentVariable = parse.GetValue(globals.JwtEnv) ?? options.JwtEnvironmentVariable;
        options.K8sAuthConfigName = Pick(parse, globals.K8sAuthConfigName, AkeylessEnvironmentVariables.K8sAuthConfigName) ?? options.K8sAuthConfigName;
        options.K8sServiceAccountTokenPath = Pick(parse, globals.K8sTokenFile, AkeylessEnvironmentVariables.K8sTokenFile) ?? options.K8sServiceAccountTokenPath;
        options.CertificateData = ReadFile(Pick(parse, globals.CertFile, AkeylessEnvironmentVariables.CertFile), $"--cert-file (or {AkeylessEnvironmentVariables.CertFile})") ?? options.CertificateData;
        options.PrivateKeyData = ReadFile(Pick(parse, globals.KeyFile, AkeylessEnvironmentVariables.KeyFile), $"--key-file (or {AkeylessEnvironmentVariables.KeyFile})") ?? options.PrivateKeyData;
        options.GcpAudience = Pick(parse, globals.GcpAudience, AkeylessEnvironmentVariables.GcpAudience) ?? options.GcpAudience;
        options.AzureObjectId = Pick(parse, globals.AzureObjectId, AkeylessEnvironmentVariables.AzureObjectId) ?? options.AzureObjectId;

        if (Pick(parse, globals.AccessType, AkeylessEnvironmentVariables.AccessType) is { } accessType)
        {
            options.AccessType = AkeylessAccessTypeNames.TryParse(accessType, out var type)
                ? type
                // Not quoted: --access-type and --access-key (and their variables) differ by one word, so it may be the key.
                : throw new CliUsageException($"the access type given (--access-type or {AkeylessEnvironmentVariables.AccessType}) is not an Akeyless access type; its value is not shown. Allowed: {AkeylessAccessTypeNames.AllowedNames}.");
        }
        else if (!connects && !profileApplied && options.AccessKey is null)
        {
            // Only one credential was given: its kind says how to authenticate.
            if (options.UidToken is not null)
            {
                options.AccessType = AkeylessAccessType.UniversalIdentity;
            }
            else if (options.Jwt is not null || options.JwtEnvironmentVariable is not null)
            {
                options.AccessType = AkeylessAccessType.Jwt;
            }
            else if (options.K8sAuthConfigName is not null)
            {
                options.AccessType = AkeylessAccessType.Kubernetes;
            }
            else if (options.CertificateData is not null)
            {
                options.AccessType = AkeylessAccessType.Certificate;
            }
        }

        if (parse.GetValue(globals.Timeout) is { } seconds)
        {
            options.Timeout = seconds is > 0 and <= MaxTimeoutSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new CliUsageException($"--timeout must be between 1 and {MaxTimeoutSeconds} seconds (a day), not {seconds}.");

            // --timeout is the whole call's limit: one slow request must not end it sooner at a lower inner limit.
            options.TotalRequestTimeout = Max(options.TotalRequestTimeout, options.Timeout);
            options.AttemptTimeout = Max(options.AttemptTimeout, options.Timeout < s_maxAttemptTimeout ? options.Timeout : s_maxAttemptTimeout);
        }

        return options;
    }

    /// <summary>
    /// Applies an Akeyless CLI profile under the options and variables: the one <c>--profile</c> (or
    /// <c>AKEYLESS_PROFILE</c>) names, which must exist; otherwise the default profile, if it exists and nothing else
    /// says how to connect. <c>--emulator</c> brings its own credential and uses no profile.
    /// </summary>
    private bool ApplyProfile(ParseResult parse, bool connectionStringConnects, AkeylessClientOptions options)
    {
        if (parse.GetValue(globals.Emulator))
        {
            return false;
        }

        if (Pick(parse, globals.Profile, AkeylessEnvironmentVariables.Profile) is { } name)
        {
            return _profiles.TryApply(name, options)
                ? true
                : throw new CliUsageException($"no Akeyless CLI profile '{name}': {_profiles.PathOf(name)} does not exist. Create it with 'akeyless configure --profile {name}'.");
        }

        var configured = connectionStringConnects
            || new[] { globals.AccessId, globals.UidToken, globals.K8sAuthConfigName, globals.CertFile, globals.JwtEnv }.Any(o => parse.GetValue(o) is { Length: > 0 })
            || new[] { AkeylessEnvironmentVariables.AccessId, AkeylessEnvironmentVariables.UidToken, AkeylessEnvironmentVariables.Jwt, AkeylessEnvironmentVariables.K8sAuthConfigName, AkeylessEnvironmentVariables.CertFile }.Any(v => Env(v) is not null);
        return !configured && _profiles.TryApply(_profiles.DefaultName, options);
    }

    /// <summary>
    /// Whether a connection string names an identity or credential; one holding only settings such as
    /// <c>MaxRetries=0</c> or <c>ApiUrl=...</c> leaves the default profile and the credential's kind to decide.
    /// </summary>
    private static bool SaysHowToConnect(AkeylessClientOptions fromConnectionString) =>
        fromConnectionString is { AccessId: not null } or { AccessKey: not null } or { UidToken: not null } or { Jwt: not null }
            or { JwtEnvironmentVariable: not null } or { K8sAuthConfigName: not null } or { CertificateData: not null }
            || fromConnectionString.AccessType != AkeylessAccessType.ApiKey;

    /// <summary>
    /// The connection string's fields, not validated yet: it may hold only some settings (<c>MaxRetries=0</c>) that the
    /// options, variables and profile complete; the client validates the whole when it is created.
    /// </summary>
    private static AkeylessClientOptions PartialConnectionString(string connectionString) =>
        AkeylessClientOptions.FromEnvironment(name => name == AkeylessEnvironmentVariables.ConnectionString ? connectionString : null);

    /// <summary>Reads a PEM (or DER) file named by an option or its variable; <see langword="null"/> when neither is set.</summary>
    /// <exception cref="CliUsageException">The file cannot be read; the message names it, never its content.</exception>
    private static string? ReadFile(string? path, string setting)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return CredentialFile.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{setting}: cannot read {path} ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private string? Pick(ParseResult parse, Option<string?> option, string variable) =>
        parse.GetValue(option) is { Length: > 0 } value ? value.Trim() : Env(variable);

    private string? Env(string variable) =>
        console.GetEnvironmentVariable(variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
