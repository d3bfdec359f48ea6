namespace AkeylessSharp.Cli.Tests.Infrastructure;

/// <summary>A temporary file holding given content, deleted on dispose: <c>using var file = await TempFile.WithTextAsync("...")</c>.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<TempFile> WithTextAsync(string text)
    {
        var file = new TempFile(System.IO.Path.GetTempFileName());
        await File.WriteAllTextAsync(file.Path, text);
        return file;
    }

    public static async Task<TempFile> WithBytesAsync(byte[] bytes)
    {
        var file = new TempFile(System.IO.Path.GetTempFileName());
        await File.WriteAllBytesAsync(file.Path, bytes);
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
