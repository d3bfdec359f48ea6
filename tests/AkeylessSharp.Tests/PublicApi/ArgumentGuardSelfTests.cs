using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Tests.PublicApi;

/// <summary>The argument guard itself: it passes members that fail typed and reports each way of failing untyped.</summary>
public sealed class ArgumentGuardSelfTests
{
    [Fact]
    public async Task GuardedMembers_AreCoveredWithoutFailures()
    {
        var report = await Guard().RunAsync([typeof(Guarded)]);

        Assert.Empty(report.Failures);
        Assert.Equal(3, report.Covered.Count);
    }

    [Theory]
    [InlineData(typeof(Unguarded), "with null value: no exception")]
    [InlineData(typeof(DereferencesNull), "with null value: NullReferenceException")]
    [InlineData(typeof(NamesAnotherParameter), "with null value: ArgumentNullException naming 'other'")]
    [InlineData(typeof(FaultsWhenAwaited), "with null value: NullReferenceException")]
    [InlineData(typeof(FaultsOnTheFirstItem), "with null value: NullReferenceException")]
    [InlineData(typeof(IndexesABlank), "with \"\" value: IndexOutOfRangeException")]
    [InlineData(typeof(HangsOnABlank), "with \"   \" value: did not complete in time")]
    public async Task UntypedFailure_IsReported(Type type, string expected)
    {
        // A short limit for the hanging case, so it is reported quickly; the others keep the guard's own, as a call the
        // thread pool starts late on a busy machine would otherwise be reported as a hang instead of its own failure.
        var report = await Guard(type == typeof(HangsOnABlank) ? TimeSpan.FromMilliseconds(500) : null).RunAsync([type]);

        Assert.Contains(report.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberWithoutAValue_IsSkipped_AndAnUnlistedSkipFails()
    {
        var report = await Guard().RunAsync([typeof(NeedsAStream)]);

        Assert.Equal("no value for Stream", Assert.Single(report.Skipped).Value);
        Assert.ThrowsAny<Exception>(() => report.AssertClean(new Dictionary<string, string>()));
        report.AssertClean(new Dictionary<string, string> { [Assert.Single(report.Skipped).Key] = "no stream in this test" });
    }

    // The guard's own limit (5 s) unless a test needs a hang reported sooner: the tests that expect no failure must not
    // see a call the thread pool started late as one that hung.
    private static ArgumentGuard Guard(TimeSpan? callTimeout = null) =>
        new((type, _) => type == typeof(string) ? "value" : null, callTimeout);

    public sealed class Guarded
    {
        public Guarded(string value) => ArgumentException.ThrowIfNullOrWhiteSpace(value);

        public static void Take(string value, string? optional = null) => ArgumentNullException.ThrowIfNull(value);

        public static async IAsyncEnumerable<int> Stream(string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            await Task.Yield();
            yield return value.Length;
        }
    }

    public static class Unguarded
    {
        public static void Take(string value) => GC.KeepAlive(value);
    }

    public static class DereferencesNull
    {
        public static int Take(string value) => value.Length;
    }

    public static class NamesAnotherParameter
    {
        public static void Take(string value) => ArgumentNullException.ThrowIfNull(value, "other");
    }

    public static class FaultsWhenAwaited
    {
        public static ValueTask<int> Take(string value) => ValueTask.FromException<int>(new NullReferenceException());
    }

    public static class FaultsOnTheFirstItem
    {
        public static async IAsyncEnumerable<int> Take(string value)
        {
            await Task.Yield();
            yield return value.Length;
        }
    }

    public static class IndexesABlank
    {
        public static char Take(string value) => value is null ? throw new ArgumentNullException(nameof(value)) : value.ToCharArray()[0];
    }

    public static class HangsOnABlank
    {
        public static Task Take(string value) =>
            value is null ? throw new ArgumentNullException(nameof(value)) : value == "   " ? Task.Delay(Timeout.Infinite) : Task.CompletedTask;
    }

    public static class NeedsAStream
    {
        public static void Take(Stream stream, string value) => ArgumentNullException.ThrowIfNull(value);
    }
}
