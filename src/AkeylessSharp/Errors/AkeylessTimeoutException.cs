namespace AkeylessSharp;

/// <summary>A call did not finish within its timeout (the call's own, or <see cref="AkeylessClientOptions.Timeout"/>).</summary>
/// <param name="message">Which command timed out and after how long.</param>
/// <param name="command">The API command.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="innerException">The cancellation or timeout that ended the call.</param>
public sealed class AkeylessTimeoutException(string message, string? command, string? path, Exception? innerException)
    : AkeylessException(message, command: command, path: path, innerException: innerException);
