using System.Runtime.InteropServices;
using AkeylessSharp.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Cli.Tests.Signals;

/// <summary>
/// The first SIGINT or SIGTERM cancels the running command and decides the exit code; a command still running
/// <see cref="TerminationSignal.Grace"/> later is given up on (the real signals are sent to the built tool in EnvSignalTests).
/// </summary>
public sealed class TerminationSignalTests
{
    [Theory]
    [InlineData(PosixSignal.SIGTERM, 143, "SIGTERM")]
    [InlineData(PosixSignal.SIGINT, 130, "SIGINT")]
    public void FirstSignal_CancelsTheCommand_AndDecidesTheExitCode(PosixSignal first, int exitCode, string name)
    {
        using var signal = new TerminationSignal(CancellationToken.None, new FakeTimeProvider());

        signal.Receive(first);
        signal.Receive(first == PosixSignal.SIGTERM ? PosixSignal.SIGINT : PosixSignal.SIGTERM);

        Assert.True(signal.Token.IsCancellationRequested);
        Assert.Equal((exitCode, name), signal.Received);
        Assert.Equal(exitCode, signal.ExitCodeFor(ExitCodes.Cancelled));
        Assert.Equal(ExitCodes.Success, signal.ExitCodeFor(ExitCodes.Success));
    }

    [Fact]
    public void CommandIgnoringCancellation_IsGivenUpOn_OnlyAfterTheGrace()
    {
        var time = new FakeTimeProvider();
        using var signal = new TerminationSignal(CancellationToken.None, time);

        signal.Receive(PosixSignal.SIGTERM);
        time.Advance(TerminationSignal.Grace - TimeSpan.FromMilliseconds(1));
        bool elapsedEarly = signal.GraceElapsed.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(elapsedEarly);
        Assert.True(signal.GraceElapsed.IsCompleted);
    }

    [Fact]
    public void NoSignal_NoExitCodeOfItsOwn_AndNoGiveUp()
    {
        var time = new FakeTimeProvider();
        using var signal = new TerminationSignal(CancellationToken.None, time);

        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(signal.Received);
        Assert.False(signal.Token.IsCancellationRequested);
        Assert.False(signal.GraceElapsed.IsCompleted);
        Assert.Equal(ExitCodes.Cancelled, signal.ExitCodeFor(ExitCodes.Cancelled));
    }
}
