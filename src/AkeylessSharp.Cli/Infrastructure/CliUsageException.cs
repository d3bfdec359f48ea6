namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>The command line is wrong in a way the parser cannot see (two value sources, a missing file); exit code 2.</summary>
/// <param name="message">What is wrong and how to fix it; never a secret.</param>
internal sealed class CliUsageException(string message) : Exception(message);
