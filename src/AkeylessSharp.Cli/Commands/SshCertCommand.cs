using System.CommandLine;
using System.Globalization;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>ssh-cert</c>: has an SSH certificate issuer sign a public key; prints the OpenSSH certificate.</summary>
internal static class SshCertCommand
{
    public static Command Create(CommandRunner runner)
    {
        var issuer = new Option<string>("--issuer") { Description = "The SSH certificate issuer's path.", Required = true }.Checked();
        var username = new Option<string>("--username") { Description = "The principal(s) to sign for, comma-separated.", Required = true };
        username.Validators.Add(static result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--username is empty: give the principal(s) to sign for, comma-separated, such as ubuntu.");
            }
        });
        var publicKey = new Option<FileInfo>("--public-key-file") { Description = "The OpenSSH public key to sign, such as ~/.ssh/id_ed25519.pub.", Required = true };
        var ttl = new Option<string?>("--ttl") { Description = "The certificate's lifetime: seconds, or 90s, 30m, 8h, 1d [default: the issuer's]." };
        var command = new Command("ssh-cert", "Sign an SSH public key; prints the certificate (save it as <key>-cert.pub).") { issuer, username, publicKey, ttl };
        runner.SetAction(command, async context =>
        {
            var lifetime = context.Get(ttl) is { } text ? ParseDuration(text) : (TimeSpan?)null;
            var file = context.Get(publicKey)!;
            var key = file.Exists
                ? await File.ReadAllTextAsync(file.FullName, context.CancellationToken).ConfigureAwait(false)
                : throw new CliUsageException(Directory.Exists(file.FullName)
                    ? $"--public-key-file {file.FullName} is a directory; give the public key file, such as ~/.ssh/id_ed25519.pub."
                    : $"file not found: {file.FullName}.");
            RefusePrivateKey(key, file);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var certificate = await client.GetSshCertificateAsync(context.Get(issuer)!, context.Get(username)!, key, lifetime, context.CancellationToken).ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync(certificate).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>--public-key-file ~/.ssh/id_ed25519</c> (the private key, one tab-completion away from the <c>.pub</c>) would send
    /// the private key to Akeyless; it is refused before anything is sent, and never quoted.
    /// </summary>
    private static void RefusePrivateKey(string key, FileInfo file)
    {
        if (key.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new CliUsageException(
                $"--public-key-file {file.FullName} holds a private key, which must not leave this machine; nothing was sent. Give its public key, such as {file.FullName}.pub.");
        }

        // PuTTY's .ppk keeps the private key next to the public one.
        if (key.TrimStart().StartsWith("PuTTY-User-Key-File-", StringComparison.Ordinal))
        {
            throw new CliUsageException(
                $"--public-key-file {file.FullName} holds a private key (a PuTTY key file), which must not leave this machine; nothing was sent. "
                + $"Export its public key in OpenSSH format ('puttygen {file.FullName} -O public-openssh -o key.pub') and give that file.");
        }
    }

    /// <summary>The longest <c>--ttl</c>: a century, far past any certificate's use and well inside <see cref="TimeSpan"/>.</summary>
    internal static readonly TimeSpan MaxTtl = TimeSpan.FromDays(36_500);

    /// <summary>Parses seconds or a number with s, m, h or d; a value past <paramref name="max"/> (default <see cref="MaxTtl"/>) is a usage error.</summary>
    internal static TimeSpan ParseDuration(string text, string option = "--ttl", TimeSpan? max = null)
    {
        var trimmed = text.Trim();
        var unit = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? char.ToLowerInvariant(trimmed[^1]) : 's';
        var number = char.IsAsciiLetter(trimmed.LastOrDefault()) ? trimmed[..^1] : trimmed;
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || unit is not ('s' or 'm' or 'h' or 'd'))
        {
            throw new CliUsageException($"{option} '{text}' is not a duration; use seconds or a number with s, m, h or d (for example 30m).");
        }

        long unitSeconds = unit switch { 'm' => 60, 'h' => 3_600, 'd' => 86_400, _ => 1 };
        var limit = max ?? MaxTtl;
        if (amount > (long)limit.TotalSeconds / unitSeconds)
        {
            throw new CliUsageException($"{option} '{text}' is too long; the most it allows is {(long)limit.TotalDays}d.");
        }

        return TimeSpan.FromSeconds(amount * unitSeconds);
    }
}
