namespace AkeylessSharp.Emulator.Wire;

/// <summary>A failure that maps to an HTTP status and a <c>{"error":"..."}</c> body.</summary>
internal sealed class CommandException : Exception
{
    public CommandException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public CommandException()
        : this(500, "internal error")
    {
    }

    public CommandException(string message)
        : this(400, message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException) => StatusCode = 400;

    public int StatusCode { get; }
}

/// <summary>Builds every <see cref="CommandException"/> so status codes and wording stay consistent.</summary>
internal static class Errors
{
    public static CommandException MissingParameter(string name) => new(400, $"missing required parameter: {name}");

    public static CommandException InvalidType(string name, string expected) =>
        new(400, $"invalid type for parameter {name}: expected {expected}");

    public static CommandException InvalidValue(string name, string? value, IEnumerable<string> allowed) =>
        new(400, $"invalid value for parameter {name}: '{value}' (allowed: {string.Join(", ", allowed)})");

    public static CommandException BadRequest(string message) => new(400, message);

    public static CommandException AuthFailed(string reason) => new(401, $"authentication failed: {reason}");

    public static CommandException Unauthenticated(string reason) => new(401, reason);

    public static CommandException AccessDenied(string command, string path) =>
        new(403, $"access denied: the caller is not authorized to {command} on {path}");

    // Must not contain words that clients read as "access denied" (see akeyless-api.md §2).
    public static CommandException ItemNotFound(string name) => new(404, $"item {name} not found");

    public static CommandException NotOfType(string name, string type, string expectedType) =>
        new(400, $"item {name} is a {type}, not a {expectedType}");

    public static CommandException AlreadyExists(string name) => new(409, $"item {name} already exists");

    public static CommandException Unsupported(string accessType) =>
        new(400, $"access type {accessType} is not supported by the emulator");
}
