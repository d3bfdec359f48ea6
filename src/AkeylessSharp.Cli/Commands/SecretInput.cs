using System.CommandLine;
using System.Text;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary>
/// Where <c>set</c>, <c>create</c> and <c>update</c> read the value: <c>--stdin</c> or <c>--file</c> keep it out of shell
/// history and process lists; a positional value works but earns a warning on standard error.
/// </summary>
internal sealed class SecretInput
{
    private readonly Argument<string?> _value = new(ParseErrorLines.ValueArgumentName)
    {
        Description = "The value. Prefer --stdin or --file: an argument lands in shell history and process lists.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _stdin = new("--stdin") { Description = "Read the value from standard input; one trailing newline is removed (\\n; \\r\\n on Windows)." };

    private readonly Option<FileInfo?> _file = new("--file") { Description = "Read the value from a file, byte for byte (UTF-8 text)." };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public void AddTo(Command command)
    {
        command.Add(_value);
        command.Add(_stdin);
        command.Add(_file);
    }

    /// <exception cref="CliUsageException">No source, more than one, a missing file, or an empty value.</exception>
    public async Task<string> ReadAsync(CommandContext context)
    {
        var argument = context.Get(_value);
        var stdin = context.Get(_stdin);
        var file = context.Get(_file);
        var sources = (argument is null ? 0 : 1) + (stdin ? 1 : 0) + (file is null ? 0 : 1);
        if (sources != 1)
        {
            throw new CliUsageException(sources == 0
                ? "give the value with --stdin, --file FILE or as an argument."
                : "give the value only once: --stdin, --file FILE or an argument.");
        }

        string value;
        if (argument is not null)
        {
            RefuseOptionLikeValue(context, argument);
            await context.Console.Error.WriteLineAsync("warning: a value given as an argument can land in shell history and process lists; prefer --stdin or --file.").ConfigureAwait(false);
            value = argument;
        }
        else if (stdin)
        {
            if (context.Console.IsInputTerminal)
            {
                await context.Console.Error.WriteLineAsync("Reading the value from standard input; end it with Ctrl+D (Ctrl+Z then Enter on Windows).").ConfigureAwait(false);
            }

            value = TrimOneNewline(await ReadStandardInputAsync(context).ConfigureAwait(false));
        }
        else
        {
            value = await ReadFileAsync(file!, context.CancellationToken).ConfigureAwait(false);
        }

        return value.Length > 0 ? value : throw new CliUsageException("the value is empty.");
    }

    /// <summary>
    /// The parser gives the value argument a word it does not know, so a mistyped option (<c>set /prod/db --stdn</c>,
    /// <c>--fle=pw.txt</c>) would be stored as the secret in place of the real value. A value that starts with '-' must
    /// come after <c>--</c>; the word is not echoed, since it may be the secret itself.
    /// </summary>
    private void RefuseOptionLikeValue(CommandContext context, string argument)
    {
        if (argument.Length < 2 || argument[0] != '-')
        {
            return;
        }

        var tokens = context.Parse.Tokens;
        var doubleDash = tokens.ToList().FindIndex(static t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash);
        var valueToken = context.Parse.GetResult(_value)?.Tokens.FirstOrDefault();
        if (doubleDash < 0 || valueToken is null || tokens.ToList().LastIndexOf(valueToken) < doubleDash)
        {
            var command = context.Parse.CommandResult.Command.Name;
            throw new CliUsageException(
                $"the value starts with '-' like an option, and is not an option of {command} (see {command} --help); nothing was written. "
                + $"To store a value that starts with '-', put it after --, as in '{command} PATH -- VALUE', or use --stdin or --file.");
        }
    }

    /// <summary>Standard input as text; bytes that are not UTF-8 are refused, as for <c>--file</c>, and never quoted (they are part of the secret).</summary>
    private static async Task<string> ReadStandardInputAsync(CommandContext context)
    {
        try
        {
            return await context.Console.In.ReadToEndAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            throw new CliUsageException(
                "standard input is not UTF-8 text, and a secret value is text; store binary content base64-encoded (base64 FILE | akeyless-sharp set PATH --stdin).");
        }
    }

    /// <summary>
    /// The file's bytes as text, exactly: a byte-order mark is kept, and bytes that are not UTF-8 are refused rather
    /// than silently replaced with U+FFFD (which would store a different secret).
    /// </summary>
    private static async Task<string> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new CliUsageException($"--file {file.FullName} is a directory; give the file that holds the value.");
        }

        if (!file.Exists)
        {
            throw new CliUsageException($"file not found: {file.FullName}.");
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CliUsageException(
                $"--file {file.FullName} is not UTF-8 text, and a secret value is text; store binary content base64-encoded (base64 FILE | akeyless-sharp set PATH --stdin).");
        }
    }

    // `get` prints the value and a newline, and `echo` adds one: removing exactly one makes `get /a | set /b --stdin` an exact
    // copy. The newline is the platform's, the one `get` writes: on Linux and macOS a value's own trailing '\r' is kept.
    private static string TrimOneNewline(string text) =>
        OperatingSystem.IsWindows() && text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
