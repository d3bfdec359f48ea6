using AkeylessSharp.Auth.Internal;

namespace AkeylessSharp.Tests.Auth;

/// <summary>
/// A pipe of the SAML login CLI that fails to read (an <see cref="IOException"/>, which no real CLI run can be made to
/// produce on demand) does not escape untyped: its standard error excerpt says so, and the credentials the CLI wrote
/// decide the login, as they do whatever the exit code.
/// </summary>
public sealed class SamlCliPipeFailureTests
{
    [Fact]
    public async Task StderrAsync_StandardErrorFailsToRead_ReturnsANoteInsteadOfThrowing()
    {
        using var drain = new CancellationTokenSource();

        var text = await SamlCliRunner.StderrAsync(Task.FromResult(""), Task.FromException<string>(new IOException("Input/output error")), drain, CancellationToken.None);

        Assert.Equal("(its output could not be read: Input/output error)", text);
    }

    [Fact]
    public async Task StderrAsync_StandardOutputFailsToRead_KeepsWhatStandardErrorSaid()
    {
        using var drain = new CancellationTokenSource();

        var text = await SamlCliRunner.StderrAsync(Task.FromException<string>(new IOException("Broken pipe")), Task.FromResult("login failed"), drain, CancellationToken.None);

        Assert.Equal("login failed", text);
    }
}
