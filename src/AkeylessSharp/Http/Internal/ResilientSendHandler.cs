using System.Runtime.CompilerServices;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Sends each attempt through the retry and timeout pipeline and reads its whole body inside the attempt, for the
/// handler the client builds without DI. Does what <c>ResilienceHandler</c> plus <see cref="ResponseBufferingHandler"/>
/// do (the request is on the context for <see cref="AkeylessResilience.ShouldRetry"/> and the retry logs) in one
/// attempt callback, without storing the context on the request (no options dictionary per request).
/// </summary>
internal sealed class ResilientSendHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.SetRequestMessage(request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] static async ValueTask<Outcome<HttpResponseMessage>> (context, state) =>
                {
                    HttpResponseMessage? response = null;
                    try
                    {
                        response = await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false);

                        // Inside the attempt: its timeout covers a stalled body, and a body cut short is a transient failure.
                        await response.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        response?.Dispose();
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
