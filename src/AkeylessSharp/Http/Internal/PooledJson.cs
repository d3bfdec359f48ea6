using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Serializes a request body into an array rented from <see cref="ArrayPool{T}.Shared"/>, through a writer kept per
/// thread, so a request costs no body array of its own. Bodies carry credentials: every buffer is cleared after use.
/// </summary>
internal static class PooledJson
{
    private const int KeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Returns a rented array holding the JSON of <paramref name="value"/> in its first <paramref name="length"/> bytes; give it back with <see cref="Return"/>.</summary>
    public static byte[] Rent<T>(T value, JsonTypeInfo<T> info, out int length)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions(info.Options));
        try
        {
            JsonSerializer.Serialize(writer, value, info);
            writer.Flush();
            length = buffer.WrittenCount;
            var rented = ArrayPool<byte>.Shared.Rent(length);
            buffer.WrittenSpan.CopyTo(rented);
            return rented;
        }
        finally
        {
            buffer.Clear();
            writer.Reset(buffer);
            if (buffer.Capacity > KeptCapacity)
            {
                // A large body (a big secret value) does not keep its buffer alive on this thread.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    public static void Return(byte[] rented) => ArrayPool<byte>.Shared.Return(rented, clearArray: true);

    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        MaxDepth = options.MaxDepth,
        SkipValidation = true,
    };
}
