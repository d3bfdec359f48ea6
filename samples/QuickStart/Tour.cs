namespace QuickStart;

/// <summary>Prints the tour's steps, numbered in the order they ran.</summary>
internal sealed class Tour
{
    private int _step;

    public void Step(string text) => Console.WriteLine($"{++_step,2}. {text}");

    /// <summary>Shows a secret's length only: no part of a secret value is ever printed.</summary>
    public static string Mask(string? value) => value is null ? "(none)" : $"*** ({value.Length} chars)";
}
