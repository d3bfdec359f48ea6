namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// Redirected standard output that says what failed when it cannot be written: a closed descriptor (<c>get /a &gt;&amp;-</c>)
/// otherwise surfaces as .NET's "Access to the path is denied", and a full disk or a closed pipe as a bare errno text.
/// </summary>
internal sealed class StandardOutputStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StandardOutputException(ex);
        }
    }

    public override void Flush() => Guard(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StandardOutputException(ex);
        }
    }
}

/// <summary>Standard output cannot be written: closed, a full disk, or a pipe whose reader has gone.</summary>
internal sealed class StandardOutputException(Exception inner) : IOException(
    $"cannot write to standard output: {Reason(inner)}. Run the command with standard output open (redirect it to a file, or to /dev/null to discard it).", inner)
{
    // .NET reports a closed descriptor (EBADF) as access denied; the system's own words are in the inner exception.
    private static string Reason(Exception exception) =>
        exception is UnauthorizedAccessException { InnerException: IOException io } && io.Message.Contains("descriptor", StringComparison.OrdinalIgnoreCase)
            ? "it is closed"
            : (exception.InnerException ?? exception).Message.TrimEnd('.');
}
