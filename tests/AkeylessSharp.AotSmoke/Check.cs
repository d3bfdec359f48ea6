namespace AkeylessSharp.AotSmoke;

/// <summary>One line per check; a failed one ends the process with exit code 1.</summary>
internal static class Check
{
    public const string AccessId = "p-akeylessemu1a0";
    public const string AccessKey = "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=";

    public static AkeylessClientOptions Options(string apiUrl) => new() { ApiUrl = apiUrl, AccessId = AccessId, AccessKey = AccessKey };

    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            Console.WriteLine($"FAILED {what}");
            Environment.Exit(1);
        }

        Console.WriteLine($"ok {what}");
    }

    /// <summary>Runs <paramref name="action"/> and checks it throws exactly <typeparamref name="TException"/>.</summary>
    public static async Task Throws<TException>(Func<Task> action, string what)
        where TException : Exception
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            That(ex.GetType() == typeof(TException), $"{what} ({ex.GetType().Name})");
            return;
        }

        That(false, $"{what} (no exception)");
    }
}
