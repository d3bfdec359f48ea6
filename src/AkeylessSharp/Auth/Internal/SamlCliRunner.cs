using System.ComponentModel;
using System.Diagnostics;

namespace AkeylessSharp.Auth.Internal;

/// <summary>Runs the Akeyless CLI login command without a shell, and turns "not installed" into an error naming the command.</summary>
internal static class SamlCliRunner
{
    public static string Describe(AkeylessClientOptions options) =>
        options.SamlLoginCommand.Replace("{profile}", options.Profile, StringComparison.Ordinal);

    public static async Task RunAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        var words = Describe(options).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            throw new AkeylessConfigurationException("SamlLoginCommand is empty; set it to the Akeyless CLI command that logs in, such as 'akeyless list-items --profile {profile} --path /'.", nameof(AkeylessClientOptions.SamlLoginCommand));
        }

        var start = new ProcessStartInfo(words[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = false };
        foreach (var word in words.AsSpan(1))
        {
            start.ArgumentList.Add(word);
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
        {
            // Drain the pipes so a chatty CLI cannot block on a full buffer; the output is never logged (it may hold a token).
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new AkeylessUnauthorizedException(
                    $"The SAML login command '{Describe(options)}' exited with code {process.ExitCode}. Run it yourself to complete the login (a browser may be needed).",
                    "saml");
            }
        }
    }
}
