using AkeylessSharp.Tests.Shared;
using Xunit.Abstractions;

namespace AkeylessSharp.Emulator.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of AkeylessSharp.Emulator answers a null for a non-nullable parameter with an
/// <see cref="ArgumentNullException"/> naming it, and a blank string with nothing worse than a typed error.
/// </summary>
public sealed class ArgumentGuardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal);

    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AkeylessEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task EveryPublicMember_NullOrBlankArgument_FailsTyped()
    {
        var report = await new ArgumentGuard(ValueFor).RunAsync(typeof(AkeylessEmulator).Assembly);

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count >= 8, $"only {report.Covered.Count} members covered");
    }

    private object? ValueFor(Type type, string? name) => type switch
    {
        _ when type == typeof(string) => "get-secret-value",
        _ when type == typeof(int) => 1,
        _ when type == typeof(double) => 0.5,
        _ when type == typeof(EmulatorCounters) => _emulator.Counters,
        _ when type == typeof(EmulatorFaults) => _emulator.Faults,
        _ when type == typeof(EmulatorTokens) => _emulator.Tokens,
        _ => null,
    };
}
