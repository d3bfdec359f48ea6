using Aspire.Hosting.ApplicationModel;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>The emulator's connection string, which exists only once the emulator listens on its port.</summary>
internal sealed class EmulatorConnection(string resourceName) : IValueProvider, IManifestExpressionProvider
{
    private readonly TaskCompletionSource<string> _value = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ValueExpression => $"{{{resourceName}.connectionString}}";

    /// <summary>Gets whether the emulator has started (or failed to).</summary>
    public bool IsCompleted => _value.Task.IsCompleted;

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        await _value.Task.WaitAsync(cancellationToken).ConfigureAwait(false);

    public void Set(string connectionString) => _value.TrySetResult(connectionString);

    public void Fail(Exception exception) => _value.TrySetException(exception);
}
