using System.Runtime.CompilerServices;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Sends each attempt through the retry pipeline, under its own <see cref="AttemptTimeout"/>, and reads the whole body
/// inside the attempt (<see cref="ResponseBuffer"/>, bounded): its timeout covers a stalled body, and a body cut short is a transient failure the retry sees
/// (and retries for reads), like a reset connection. The request is on the Polly context for
/// <see cref="AkeylessResilience.ShouldRetry"/> and the retry logs, without being stored on the request (no options
/// dictionary per request).
/// </summary>
internal sealed class ResilientSendHandler(ResiliencePipeline<HttpResponseMessage> pipeline, TimeSpan attemptTimeout, int maxResponseSize, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is AkeylessRequestMessage akeylessRequest)
        {
            akeylessRequest.SentAt = timeProvider.GetTimestamp();
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(static (context, state) => state.Handler.AttemptAsync(state.Request, context.CancellationToken), context, (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Pooled state machine: Polly awaits each attempt once, at once.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = AttemptTimeout.Start(attemptTimeout, timeProvider, cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, timeout.Token).ConfigureAwait(false);
            await ResponseBuffer.LoadAsync(response, maxResponseSize, timeout.Token).ConfigureAwait(false);
            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            response?.Dispose();
            return Outcome.FromException<HttpResponseMessage>(timeout.Classify(ex));
        }
    }
}
