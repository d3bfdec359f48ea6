using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>Runs the whole tool in-process with captured streams and a private environment (never the test process's).</summary>
internal static class CliRun
{
    private static readonly string EmptyHome = Path.Combine(Path.GetTempPath(), "akeyless-sharp-tests-no-home");

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string[] args, string? stdin = null, bool terminal = false)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin ?? string.Empty);
        var console = new CliConsole
        {
            Out = output,
            Error = error,
            In = input,
            IsOutputTerminal = terminal,
            IsInputTerminal = terminal,
            // HOME is private too: the machine's own ~/.akeyless/profiles must not change what a test sees.
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var value) ? value : name == "HOME" ? EmptyHome : null,
        };
        var exitCode = await new CliApplication(console).RunAsync(args);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
