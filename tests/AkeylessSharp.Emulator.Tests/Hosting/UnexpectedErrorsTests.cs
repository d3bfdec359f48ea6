using AkeylessSharp.Emulator.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Emulator.Tests.Hosting;

public sealed class UnexpectedErrorsTests
{
    [Fact]
    public void Report_SameKindTwice_OneErrorWithStackTraceThenDebugOnly()
    {
        var logger = new FakeLogger();
        var errors = new UnexpectedErrors(logger);

        errors.Report("get-secret-value", new InvalidOperationException("boom"));
        errors.Report("get-secret-value", new InvalidOperationException("boom again"));
        errors.Report("list-items", new InvalidOperationException("boom"));

        var records = logger.Collector.GetSnapshot();
        Assert.Equal(2, records.Count(r => r.Level == LogLevel.Error && r.Exception is not null));
        Assert.Single(records, r => r.Level == LogLevel.Debug && r.Exception is null);
    }
}
