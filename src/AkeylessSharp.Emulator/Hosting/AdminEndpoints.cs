using AkeylessSharp.Emulator.Commands;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// The <c>/__emulator/</c> control API: health, counters, faults and tokens. Guarded by <see cref="AdminGuard"/>;
/// every bad request is a 400 naming the field, never a 500.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var guard = new AdminGuard(state.Options.AdminToken);
        var stopping = app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.MapGet("/__emulator/health", (HttpContext http) =>
            TypedResults.Json(new HealthOutput("ok"), WireJsonContext.Default.HealthOutput).ExecuteAsync(http));
        app.MapGet("/__emulator/counters", (HttpContext http) => RunAsync(http, guard, stopping, false, _ =>
            TypedResults.Json(state.Counters.Snapshot(), WireJsonContext.Default.IReadOnlyDictionaryStringInt64)));
        app.MapDelete("/__emulator/counters", (HttpContext http) => RunAsync(http, guard, stopping, true, _ =>
        {
            state.Counters.Reset();
            return TypedResults.NoContent();
        }));
        app.MapDelete("/__emulator/faults", (HttpContext http) => RunAsync(http, guard, stopping, true, _ =>
        {
            state.Faults.Clear();
            return TypedResults.NoContent();
        }));
        app.MapPost("/__emulator/faults", (HttpContext http) => RunAsync(http, guard, stopping, true, body =>
        {
            AdminFaultRequest.Apply(state.Faults, body!);
            return TypedResults.NoContent();
        }));
        app.MapPost("/__emulator/tokens/revoke", (HttpContext http) => RunAsync(http, guard, stopping, true, body =>
            AdminTokenRequest.Revoke(state.TokenControl, body!)));
        app.MapPost("/__emulator/tokens/expire", (HttpContext http) => RunAsync(http, guard, stopping, true, body =>
            AdminTokenRequest.Expire(state.TokenControl, body!)));
    }

    private static async Task RunAsync(HttpContext http, AdminGuard guard, CancellationToken stopping, bool changesState, Func<RequestBody?, IResult> handle)
    {
        var result = guard.Check(http.Request, changesState);
        if (result is null)
        {
            try
            {
                var body = HttpMethods.IsPost(http.Request.Method) ? RequestBody.Parse(await ReadAsync(http, stopping).ConfigureAwait(false)) : null;
                result = handle(body);
            }
            catch (CommandException e)
            {
                result = Reply.Error(e.StatusCode, e.Message);
            }
            catch (ArgumentException e)
            {
                // The message names the field already; .NET's " (Parameter 'x')" suffix would name a C# parameter.
                result = Reply.Error(400, e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
            }
            catch (BadHttpRequestException e)
            {
                result = Reply.Error(e.StatusCode, $"malformed request: {e.Message}");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
            {
                // A client still sending its body when the emulator stops is dropped: the host would wait out its shutdown timeout.
                http.Abort();
                return;
            }
        }

        await result.ExecuteAsync(http).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadAsync(HttpContext http, CancellationToken stopping)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new CommandException(413, $"admin request body larger than {MaxBodyBytes} bytes");
        }

        using var buffer = new MemoryStream();
        using var readCancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, readCancel.Token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new CommandException(413, $"admin request body larger than {MaxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
