using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Diagnostics.Internal;

/// <summary>
/// One client's view of its telemetry: the server it talks to (for <c>server.address</c> / <c>server.port</c>), whether
/// spans may name paths, and its logger. Starts one <see cref="CommandScope"/> per logical API call.
/// </summary>
internal sealed class CommandTelemetry
{
    public CommandTelemetry(Uri baseUri, bool includePaths, ILogger logger)
    {
        ServerAddress = baseUri.Host;
        ServerPort = baseUri.Port;
        IncludePaths = includePaths;
        Logger = logger;
    }

    public string ServerAddress { get; }

    /// <summary>The port, boxed once so metric tags do not box it per request.</summary>
    public object ServerPort { get; }

    public bool IncludePaths { get; }

    public ILogger Logger { get; }

    /// <summary>Starts a call: a client span (when listened to) and the clock for the duration metric.</summary>
    /// <param name="command">The wire command.</param>
    /// <param name="path">The one item path involved, if any.</param>
    /// <param name="pathCount">How many paths a batch read names (logged as "N paths" when there is no single path).</param>
    /// <param name="failuresLoggedElsewhere">Whether a caller logs failures itself (authentication does, once per attempt for all callers).</param>
    public CommandScope Start(string command, string? path, int pathCount = 1, bool failuresLoggedElsewhere = false) =>
        new(this, command, path, pathCount, failuresLoggedElsewhere);
}
