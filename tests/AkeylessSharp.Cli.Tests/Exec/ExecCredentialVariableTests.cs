using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// The program <c>exec</c> runs does not inherit the variable the tool read its JWT from (<c>--jwt-env NAME</c>): like
/// AKEYLESS_ACCESS_KEY, it is the tool's credential, not one of the secrets the program was given.
/// </summary>
public sealed class ExecCredentialVariableTests
{
    [Fact]
    public async Task Program_DoesNotInheritTheVariableHoldingTheToolsJwt_ButInheritsOthers()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the program below is a POSIX shell
        }

        var jwtVariable = "SHARP_TEST_JWT_" + Guid.NewGuid().ToString("N");
        var otherVariable = "SHARP_TEST_OTHER_" + Guid.NewGuid().ToString("N");
        using var seen = await TempFile.WithTextAsync(string.Empty);
        Environment.SetEnvironmentVariable(jwtVariable, "eyJ-the-tools-own-jwt");
        Environment.SetEnvironmentVariable(otherVariable, "inherited");
        try
        {
            var console = new CliConsole { Out = new StringWriter(), Error = new StringWriter() };
            string[] command = ["sh", "-c", $"printf '%s|%s' \"${{{jwtVariable}-unset}}\" \"${{{otherVariable}-unset}}\" > '{seen.Path}'"];

            var exitCode = await new ChildProcess(command, console, [jwtVariable]).RunAsync([], watch: null);

            Assert.Equal(0, exitCode);
            Assert.Equal("unset|inherited", await File.ReadAllTextAsync(seen.Path));
        }
        finally
        {
            Environment.SetEnvironmentVariable(jwtVariable, null);
            Environment.SetEnvironmentVariable(otherVariable, null);
        }
    }
}
