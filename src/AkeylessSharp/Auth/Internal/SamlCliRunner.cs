using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// Runs the Akeyless CLI login command without a shell and reports how it ended; turns "not installed" into an error
/// naming the command. The exit code alone decides nothing: the caller looks for the credentials the CLI wrote.
/// </summary>
internal static partial class SamlCliRunner
{
    private const int MaxQuotedLength = 300;
    private static readonly TimeSpan s_pipeCloseGrace = TimeSpan.FromSeconds(2);

    public static string Describe(AkeylessClientOptions options) =>
        options.SamlLoginCommand.Replace("{profile}", options.Profile, StringComparison.Ordinal);

    public static async Task<SamlCliOutcome> RunAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        var words = CommandWords.Split(options.SamlLoginCommand, options.Profile);
        if (words.Count == 0)
        {
            throw new AkeylessConfigurationException("SamlLoginCommand is empty; set it to the Akeyless CLI command that logs in, such as 'akeyless list-items --profile {profile} --path /not/a/real/path'.", nameof(AkeylessClientOptions.SamlLoginCommand));
        }

        // Found on the PATH only, as a shell finds it: .NET's own lookup would run an 'akeyless' file in the working directory.
        var program = AkeylessSharp.Internal.ProgramLookup.Resolve(words[0], Environment.GetEnvironmentVariable("PATH"))
            ?? throw new AkeylessConfigurationException(
                $"The Akeyless CLI ('{words[0]}') was not found on the PATH. Install the Akeyless CLI and run 'akeyless auth --access-id {options.AccessId} --access-type saml --profile {options.Profile}' once, or set SamlLoginCommand.",
                nameof(AkeylessClientOptions.SamlLoginCommand));
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false };
        for (var i = 1; i < words.Count; i++)
        {
            start.ArgumentList.Add(words[i]);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception ex)
        {
            throw new AkeylessConfigurationException(
                $"The Akeyless CLI ('{words[0]}') could not be started: {ex.Message}. Install the Akeyless CLI and run 'akeyless auth --access-id {options.AccessId} --access-type saml --profile {options.Profile}' once, or set SamlLoginCommand.",
                nameof(AkeylessClientOptions.SamlLoginCommand), ex);
        }

        using (process)
        using (var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // Drain the pipes so a chatty CLI cannot block on a full buffer; standard output is never kept (it may hold a token).
            var stdout = process.StandardOutput.ReadToEndAsync(drain.Token);
            var stderr = process.StandardError.ReadToEndAsync(drain.Token);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The authentication was given up (its timeout): a login left waiting would otherwise outlive it, and
                // every later attempt would start one more.
                Stop(process);
                Errors.Internal.AbandonedTask.ObserveFailure(Task.WhenAll(stdout, stderr));
                throw;
            }

            return new SamlCliOutcome(process.ExitCode, Quote(await StderrAsync(stdout, stderr, drain, cancellationToken).ConfigureAwait(false)));
        }
    }

    /// <summary>
    /// The CLI's standard error once it has exited. A program it started (the browser of a SAML login) inherits its pipes
    /// and may hold them open long after: what the CLI wrote is already in the pipe, so the end of it is awaited only
    /// briefly, and then the credentials it left decide without it. A pipe that fails to read (an
    /// <see cref="IOException"/>) is said in place of the text: the credentials decide then too.
    /// </summary>
    internal static async Task<string> StderrAsync(Task<string> stdout, Task<string> stderr, CancellationTokenSource drain, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(stdout, stderr).WaitAsync(s_pipeCloseGrace, cancellationToken).ConfigureAwait(false);
            return await stderr.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await drain.CancelAsync().ConfigureAwait(false);
            Errors.Internal.AbandonedTask.ObserveFailure(Task.WhenAll(stdout, stderr));
            return stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty;
        }
        catch (IOException ex)
        {
            Errors.Internal.AbandonedTask.ObserveFailure(Task.WhenAll(stdout, stderr));
            return stderr.IsCompletedSuccessfully ? stderr.Result : $"(its output could not be read: {ex.Message})";
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or AggregateException)
        {
            // It exited meanwhile, or cannot be stopped: the timeout the caller gets says what matters.
        }
    }

    /// <summary>The end of standard error, one line, with anything shaped like a token or key masked.</summary>
    internal static string Quote(string stderr)
    {
        var text = OpaqueValue().Replace(stderr.ReplaceLineEndings(" ").Trim(), "***");
        return text.Length <= MaxQuotedLength ? text : string.Concat("...", text.AsSpan(text.Length - MaxQuotedLength));
    }

    // Long runs of token characters (access keys, API tokens, JWT parts); error prose has no words this long.
    [GeneratedRegex("[A-Za-z0-9+/=_.-]{24,}")]
    private static partial Regex OpaqueValue();
}

/// <summary>How a run of the login command ended: its exit code and a safe excerpt of its standard error.</summary>
internal readonly record struct SamlCliOutcome(int ExitCode, string Stderr);
