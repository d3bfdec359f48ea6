namespace AkeylessSharp;

/// <summary>
/// A <see cref="SecretRequestOptions.JsonAttribute"/> could not be applied: the value is not JSON, or lacks the attribute.
/// The message names the path and the attribute, never the value.
/// </summary>
/// <param name="message">What is wrong.</param>
/// <param name="path">The secret's path.</param>
/// <param name="attribute">The attribute path asked for.</param>
public sealed class AkeylessJsonAttributeException(string message, string? path, string attribute)
    : AkeylessException(message, path: path)
{
    /// <summary>The attribute path asked for, such as <c>db.password</c>.</summary>
    public string Attribute { get; } = attribute ?? throw new ArgumentNullException(nameof(attribute));
}
