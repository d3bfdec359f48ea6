using System.Text.Json;
using AkeylessSharp.Emulator.Commands;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>The unauthenticated <c>/__emulator/</c> control API: faults, counters, health.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/__emulator/health", (HttpContext http) =>
            TypedResults.Json(new HealthOutput("ok"), WireJsonContext.Default.HealthOutput).ExecuteAsync(http));
        app.MapGet("/__emulator/counters", (HttpContext http) =>
            TypedResults.Json(state.Counters.Snapshot(), WireJsonContext.Default.IReadOnlyDictionaryStringInt64).ExecuteAsync(http));
        app.MapDelete("/__emulator/counters", (HttpContext http) =>
        {
            state.Counters.Reset();
            return TypedResults.NoContent().ExecuteAsync(http);
        });
        app.MapDelete("/__emulator/faults", (HttpContext http) =>
        {
            state.Faults.Clear();
            return TypedResults.NoContent().ExecuteAsync(http);
        });
        app.MapPost("/__emulator/faults", async (HttpContext http) =>
        {
            IResult result;
            try
            {
                using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                Apply(state.Faults, new RequestBody(doc.RootElement.ValueKind == JsonValueKind.Object
                    ? doc.RootElement
                    : throw Errors.BadRequest("the body must be a JSON object")));
                result = TypedResults.NoContent();
            }
            catch (JsonException e)
            {
                result = Reply.Error(400, $"malformed request: invalid JSON ({e.Message})");
            }
            catch (CommandException e)
            {
                result = Reply.Error(e.StatusCode, e.Message);
            }
            catch (ArgumentException e)
            {
                result = Reply.Error(400, e.Message);
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        });
    }

    private static void Apply(EmulatorFaults faults, RequestBody body)
    {
        var command = body.RequiredString("command");
        var retryAfter = body.Int64("retryAfterSeconds") is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        var applied = false;
        if (body.Int64("latencyMs") is { } ms)
        {
            faults.AddLatency(command, TimeSpan.FromMilliseconds(ms));
            applied = true;
        }

        if (body.Int32("abort") is { } abort)
        {
            faults.AbortNext(command, abort);
            applied = true;
        }

        if (body.Has("fraction"))
        {
            faults.FailFraction(command, ReadDouble(body, "fraction"), body.Int32("status") ?? 500, retryAfter);
            applied = true;
        }
        else if (body.Int32("count") is { } count)
        {
            faults.FailNext(command, count, body.Int32("status") ?? 500, retryAfter);
            applied = true;
        }

        if (!applied)
        {
            throw Errors.BadRequest("a fault needs one of: count (+status), fraction (+status), latencyMs, abort");
        }
    }

    private static double ReadDouble(RequestBody body, string name) =>
        body.Double(name) ?? throw Errors.MissingParameter(name);
}
