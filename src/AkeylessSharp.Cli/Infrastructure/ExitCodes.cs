namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>The documented process exit codes; scripts branch on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Any failure without a more specific code (a conflict, a rejected request, a failed connection test).</summary>
    public const int Failure = 1;

    /// <summary>The command line or the settings are wrong: unknown option, missing value, invalid access id.</summary>
    public const int Usage = 2;

    /// <summary>Authentication failed (401) or the roles do not allow the operation (403).</summary>
    public const int AuthFailure = 3;

    /// <summary>No item exists at the path (404).</summary>
    public const int NotFound = 4;

    /// <summary>Akeyless could not be reached, timed out, or answered 429 or 5xx.</summary>
    public const int Unavailable = 5;

    /// <summary><c>exec</c> cannot run the program for a reason other than not finding it (not executable, not a program for this system, a directory, busy being written), as shells report it.</summary>
    public const int NotExecutable = 126;

    /// <summary><c>exec</c> could not start the program (not found), as shells report it.</summary>
    public const int CannotStart = 127;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15, as shells report it).</summary>
    public const int Terminated = 143;
}
