namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>The attribute and event names on spans and metrics: OpenTelemetry's where one exists, <c>akeyless.*</c> otherwise.</summary>
internal static class SemanticConventions
{
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";
    public const string HttpStatusCode = "http.response.status_code";
    public const string ResendCount = "http.request.resend_count";
    public const string Command = "akeyless.command";
    public const string Path = "akeyless.path";
    public const string PathCount = "akeyless.path.count";
    public const string SecretKind = "akeyless.secret.kind";
    public const string CacheHit = "akeyless.cache.hit";
    public const string RetryDelay = "akeyless.retry.delay";
    public const string RetryEvent = "akeyless.retry";
    public const string ReAuthenticationEvent = "akeyless.reauthentication";
}
