using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// Reports emulator bugs (exceptions no handler expected): the first of each kind per command is logged as an
/// error with its stack trace, repeats only at debug level, so a fuzzer or a retry loop cannot flood the log.
/// </summary>
internal sealed class UnexpectedErrors
{
    private const int MaxKinds = 256;
    private readonly ConcurrentDictionary<(string Command, string Type), byte> _seen = new();
    private readonly ILogger _logger;

    public UnexpectedErrors(ILogger logger) => _logger = logger;

    public void Report(string command, Exception exception)
    {
        var kind = (command, exception.GetType().FullName ?? exception.GetType().Name);
        if (_seen.Count < MaxKinds && _seen.TryAdd(kind, 0))
        {
            Log.CommandCrashed(_logger, exception, command);
        }
        else
        {
            Log.CommandCrashedAgain(_logger, command, kind.Item2);
        }
    }
}
