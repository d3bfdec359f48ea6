using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>The <c>--verbose</c> log: one line per event on standard error. The client never logs secret values.</summary>
internal sealed class StandardErrorLoggerProvider(TextWriter error) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            error.WriteLine(line);
        }
    }

    private sealed class Logger(StandardErrorLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
            provider.Write($"{level}: {category}: {formatter(state, exception)}".ReplaceLineEndings(" "));
        }
    }
}
