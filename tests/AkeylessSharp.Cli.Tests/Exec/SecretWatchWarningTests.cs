using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// The warning of a failed re-read under <c>exec --watch</c> carries text others choose (item paths, Akeyless's
/// messages): like every error line, a control character in it is shown escaped, never sent to the terminal.
/// </summary>
public sealed class SecretWatchWarningTests
{
    [Fact]
    public async Task FailedReRead_WarningWithATerminalEscapeSequence_IsWrittenEscapedOnOneLine()
    {
        var error = new StringWriter();
        var console = new CliConsole { Out = new StringWriter(), Error = error };
        var reads = 0;
        var watch = new SecretWatch(
            async _ =>
            {
                await Task.Yield();
                return ++reads == 1
                    ? throw new CliUsageException("the item /a/\u001b]0;owned\u0007b\nis gone")
                    : (IReadOnlyList<KeyValuePair<string, string>>)[new("K", "changed")];
            },
            TimeSpan.FromMilliseconds(1),
            console,
            TimeProvider.System);

        var next = await watch.WaitForChangeAsync([new("K", "first")], Task.Delay(Timeout.Infinite), () => false);

        Assert.NotNull(next);
        var written = error.ToString();
        Assert.DoesNotContain('\u001b', written);
        Assert.DoesNotContain('\u0007', written);
        Assert.Single(written.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("/a/", written, StringComparison.Ordinal);
    }
}
