using System.Text.Json;

namespace AkeylessSharp;

/// <summary>Credentials minted by a dynamic secret's producer.</summary>
public sealed class DynamicSecret
{
    /// <summary>The user name, when the producer returns one.</summary>
    public string? Username { get; init; }

    /// <summary>The password, when the producer returns one.</summary>
    public string? Password { get; init; }

    /// <summary>The lease id, when the producer returns one.</summary>
    public string? LeaseId { get; init; }

    /// <summary>How long the credentials live, when the producer says.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>When the credentials expire, computed from <see cref="Ttl"/> at receipt.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Every field the producer returned.</summary>
    public required JsonElement Fields { get; init; }

    /// <summary>Redacts the credentials.</summary>
    public override string ToString() => $"DynamicSecret {{ Username = {Username}, Password = ***, LeaseId = {LeaseId}, ExpiresAt = {ExpiresAt:O} }}";
}
