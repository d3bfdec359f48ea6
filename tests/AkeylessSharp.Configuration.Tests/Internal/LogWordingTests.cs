using System.Text.RegularExpressions;
using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Configuration.Tests.Internal;

/// <summary>Counts in the provider's log read right when they are 1 (no "1 requests").</summary>
public sealed partial class LogWordingTests
{
    [Fact]
    public void Loaded_CountsOfOne_NoPluralAfterOne()
    {
        var logger = new FakeLogger();

        Log.Loaded(logger, keyCount: 1, fetched: 1, requests: 1, reused: 1, elapsedMs: 1);
        Log.Changed(logger, changedKeys: 1);

        Assert.Equal(2, logger.Collector.Count);
        Assert.All(logger.Collector.GetSnapshot(), r => Assert.DoesNotMatch(OneThenPlural(), r.Message));
        Assert.Contains("requests: 1", logger.Collector.GetSnapshot()[0].Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b1 (?!ms\b)(?:[a-z]+ )?[a-z]+s\b")]
    private static partial Regex OneThenPlural();
}
