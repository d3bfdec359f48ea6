using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>Sends the in-process emulator's logs to its resource's console in the dashboard.</summary>
internal sealed class ForwardingLoggerProvider(ILogger target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target;

    public void Dispose()
    {
    }
}
