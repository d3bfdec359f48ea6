using System.Text.Json;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// Reads strings out of JSON the client did not write. <see cref="JsonElement.GetString"/> throws
/// <see cref="InvalidOperationException"/> on a string escaping half of a UTF-16 pair (<c>"\ud800"</c>), text no .NET string
/// can hold: this is the one place that turns it into the error its caller words (naming the attribute, or the command).
/// </summary>
internal static class JsonText
{
    /// <summary>Runs <paramref name="read"/>; a string it met that is not text throws <paramref name="notText"/>'s error instead.</summary>
    public static T Read<T>(Func<T> read, Func<AkeylessException> notText)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            throw notText();
        }
    }
}
