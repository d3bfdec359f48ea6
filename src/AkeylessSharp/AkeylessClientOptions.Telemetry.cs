namespace AkeylessSharp;

/// <content>What the client's traces may record.</content>
public sealed partial class AkeylessClientOptions
{
    /// <summary>
    /// Whether spans carry the item path (<c>akeyless.path</c>) and exception events the exception message (which names
    /// the path). Turn it off where paths themselves are sensitive; logs still name the path, metrics never do.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludePathInTraces { get; set; } = true;
}
