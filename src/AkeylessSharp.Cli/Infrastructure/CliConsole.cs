using System.Text;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// The process's standard streams and environment as the commands see them, so tests run the whole tool
/// in-process with captured output and a private environment.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>
    /// Standard output: values and results only. Piped or redirected output is UTF-8 whatever the locale, as the
    /// official CLI writes it: a locale's charset (<c>LANG=en_US.ISO-8859-1</c>) would turn '€' into '?', a different secret.
    /// </summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: errors, warnings, verbose logs; never a secret value.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>
    /// Standard input, read by <c>set --stdin</c> and the delete confirmation. Piped input is strict UTF-8 with any
    /// byte-order mark kept: bytes that are not UTF-8 throw <see cref="DecoderFallbackException"/> rather than become
    /// U+FFFD, which would store a different secret.
    /// </summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>Whether standard output is a terminal (tables by default) rather than a pipe or file.</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether standard input is a terminal (a person can answer a prompt).</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>Reads an environment variable; tests substitute a dictionary.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The real console of this process.</summary>
    public static CliConsole FromSystem() => new()
    {
        Out = Console.IsOutputRedirected
            ? TextWriter.Synchronized(new StreamWriter(new StandardOutputStream(Console.OpenStandardOutput()), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true })
            : Console.Out,
        Error = new StandardErrorWriter(Console.Error),
        In = Console.IsInputRedirected
            ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false)
            : Console.In,
        IsOutputTerminal = !Console.IsOutputRedirected,
        IsInputTerminal = !Console.IsInputRedirected,
    };
}
