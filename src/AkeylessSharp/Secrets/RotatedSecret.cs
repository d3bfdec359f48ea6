using System.Text.Json;

namespace AkeylessSharp;

/// <summary>The current value of a rotated secret.</summary>
public sealed class RotatedSecret
{
    /// <summary>The user name, for user/password rotators.</summary>
    public string? Username { get; init; }

    /// <summary>The password, for user/password rotators.</summary>
    public string? Password { get; init; }

    /// <summary>The payload, for API-key and custom rotators.</summary>
    public string? Value { get; init; }

    /// <summary>The version, when the service reports it.</summary>
    public int? Version { get; init; }

    /// <summary>Every field of the service's <c>value</c> object.</summary>
    public required JsonElement Fields { get; init; }

    /// <summary>Redacts the secret.</summary>
    public override string ToString() => $"RotatedSecret {{ Username = {Username}, Password = ***, Version = {Version} }}";
}
