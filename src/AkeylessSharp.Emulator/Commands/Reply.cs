using System.Text.Json.Serialization.Metadata;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>Builds JSON responses through the source-generated <see cref="WireJsonContext"/>.</summary>
internal static class Reply
{
    public static Task<IResult> Ok<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Task.FromResult<IResult>(TypedResults.Json(value, typeInfo));

    public static IResult Error(int status, string message) =>
        TypedResults.Json(new ErrorOutput(message), WireJsonContext.Default.ErrorOutput, statusCode: status);
}
