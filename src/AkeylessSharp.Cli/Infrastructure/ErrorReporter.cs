using System.Net;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Turns a failure into one line on standard error and an exit code. Messages are the tool's own (they name
/// flags and environment variables, not library members) and never include a secret value; the stack trace
/// is printed only with <c>--verbose</c>.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Writes the one error line (and, when <paramref name="verbose"/>, the stack trace); returns the exit code.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="verbose">Whether <c>--verbose</c> was given.</param>
    /// <param name="hint">A sentence the command adds from what it knows of its own settings, or <see langword="null"/>.</param>
    public static int Report(Exception exception, TextWriter error, bool verbose, string? hint = null)
    {
        var (code, message) = Describe(exception);
        error.WriteLine("error: " + OneLine(hint is null ? message : $"{message} {hint}"));
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }

    internal static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CliUsageException usage => (ExitCodes.Usage, usage.Message),
        CliNotFoundException missing => (ExitCodes.NotFound, missing.Message),
        AkeylessConfigurationException config => (ExitCodes.Usage, ForTheTool(config.Message) + SettingHint(config.Field)),
        AkeylessNotFoundException notFound => (ExitCodes.NotFound, NotFound(notFound)),
        AkeylessUnauthorizedException { Command: "auth" or "static-creds-auth" } => (ExitCodes.AuthFailure,
            "Akeyless rejected the credentials (401). Check the access id (--access-id, AKEYLESS_ACCESS_ID), the access type and its credential."),
        AkeylessUnauthorizedException unauthorized => (ExitCodes.AuthFailure,
            $"Akeyless rejected the token for {unauthorized.Command}{At(unauthorized.Path)} (401). Check that the auth method is still valid."),
        AkeylessForbiddenException forbidden => (ExitCodes.AuthFailure,
            $"access denied{At(forbidden.Path)} for {forbidden.Command} (403). Check the role rules of your auth method for this path."),
        AkeylessConflictException conflict => (ExitCodes.Failure,
            $"an item already exists{At(conflict.Path)} (409). Use 'update' or 'set' to change it."),
        AkeylessJsonAttributeException attribute => (ExitCodes.Failure, attribute.Message.Replace("without JsonAttribute", "without --json-attribute", StringComparison.Ordinal)),
        AkeylessTimeoutException timeout => (ExitCodes.Unavailable, timeout.Message.Replace("raise Timeout / AttemptTimeout / TotalRequestTimeout", RaiseTimeouts, StringComparison.Ordinal)),
        AkeylessException { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } busy => (ExitCodes.Unavailable,
            $"Akeyless is unavailable: {(int)busy.StatusCode!} for {busy.Command}{At(busy.Path)}. Try again later, or check --api-url and the Gateway's status."),
        AkeylessServiceUnavailableException unavailable => (ExitCodes.Unavailable, ForTheTool(unavailable.Message)),
        AkeylessException { StatusCode: null, InnerException: HttpRequestException or TimeoutException or System.Net.Sockets.SocketException or IOException } network => (ExitCodes.Unavailable, ForTheTool(network.Message)),
        AkeylessException other => (ExitCodes.Failure, other.Message),
        OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
        StandardOutputException output => (ExitCodes.Failure, output.Message),
        ArgumentException argument => (ExitCodes.Usage, argument.Message),
        FileNotFoundException file => (ExitCodes.Usage, $"file not found: {file.FileName}."),
        DirectoryNotFoundException or UnauthorizedAccessException => (ExitCodes.Usage, exception.Message),
        _ => (ExitCodes.Failure, $"{exception.Message} (run with --verbose for details)"),
    };

    // The service's reason says what is missing (the item, or one version of it); without one, it is the item.
    private static string NotFound(AkeylessNotFoundException notFound)
    {
        var path = notFound.Path ?? "the given path";
        if (string.IsNullOrWhiteSpace(notFound.ServiceMessage))
        {
            return $"no item at {path} (404). Check the path or your role's list rights.";
        }

        var reason = notFound.ServiceMessage.Trim().TrimEnd('.');
        var at = notFound.Path is null || reason.Contains(notFound.Path, StringComparison.Ordinal) ? string.Empty : $" at {notFound.Path}";
        var check = reason.Contains("version", StringComparison.OrdinalIgnoreCase) ? "the version asked for" : "the path or your role's list rights";
        return $"{reason}{at} (404). Check {check}.";
    }

    // --timeout bounds the whole call; one request also stops at the client's per-request limits, which only a connection
    // string sets, so naming --timeout alone would send a user after a limit that was not the one reached.
    private const string RaiseTimeouts = "raise --timeout (the whole call), or AttemptTimeout / TotalRequestTimeout (one request: 10 s and 30 s unless set) in --connection-string";

    // The library's advice names options; here ApiUrl is a flag and a variable, SamlLoginCommand is nothing a user can
    // set, and the SAML credentials folder follows HOME.
    private static string ForTheTool(string message) =>
        message.Replace("Check ApiUrl,", "Check --api-url (AKEYLESS_API_URL),", StringComparison.Ordinal)
            .Replace(", or set SamlLoginCommand.", ".", StringComparison.Ordinal)
            .Replace("(SamlCredentialsDirectory).", "($HOME/.akeyless/.tmp_creds: check HOME).", StringComparison.Ordinal);

    private static string At(string? path) => path is null ? string.Empty : $" at {path}";

    // Library messages name option properties; point CLI users at the flag and variable that set them.
    private static string SettingHint(string? field) => field switch
    {
        nameof(AkeylessClientOptions.ApiUrl) => " Set it with --api-url or AKEYLESS_API_URL.",
        nameof(AkeylessClientOptions.AccessId) => " Set it with --access-id or AKEYLESS_ACCESS_ID.",
        nameof(AkeylessClientOptions.AccessKey) => " Set it with AKEYLESS_ACCESS_KEY.",
        nameof(AkeylessClientOptions.AccessType) => " Set it with --access-type or AKEYLESS_ACCESS_TYPE.",
        nameof(AkeylessClientOptions.UidToken) => " Set it with --uid-token or AKEYLESS_UID_TOKEN.",
        nameof(AkeylessClientOptions.Jwt) => " Set it with AKEYLESS_JWT or --jwt-env NAME.",
        nameof(AkeylessClientOptions.JwtEnvironmentVariable) => " Export that variable, or put the JWT itself in AKEYLESS_JWT.",
        nameof(AkeylessClientOptions.CertificateData) => " Give the certificate and its key with --cert-file and --key-file (or AKEYLESS_CERT_FILE and AKEYLESS_KEY_FILE).",
        nameof(AkeylessClientOptions.PrivateKeyData) => " Set it with --key-file or AKEYLESS_KEY_FILE.",
        nameof(AkeylessClientOptions.K8sAuthConfigName) => " Set it with --k8s-auth-config-name or AKEYLESS_K8S_AUTH_CONFIG_NAME.",
        nameof(AkeylessClientOptions.SamlLoginCommand) => " The saml access type logs in through the official akeyless CLI (for the profile --profile or AKEYLESS_PROFILE names), which must be on PATH.",
        _ => string.Empty,
    };

    // Messages name paths and carry Akeyless's own text, which whoever may write items chooses: a control character
    // (a terminal escape sequence) is shown as \xHH, never sent to the terminal.
    internal static string OneLine(string message) => TerminalText.Escape(message.ReplaceLineEndings(" ").Trim());
}
