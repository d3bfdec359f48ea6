namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>Sets process environment variables for one test and restores them; tests using it share one non-parallel collection.</summary>
internal sealed class ProcessEnvironment : IDisposable
{
    public const string Collection = "process environment";

    private readonly Dictionary<string, string?> _previous = [];

    public ProcessEnvironment(Dictionary<string, string> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

[CollectionDefinition(ProcessEnvironment.Collection, DisableParallelization = true)]
#pragma warning disable CA1711, CA1515
public sealed class ProcessEnvironmentCollection;
#pragma warning restore CA1711, CA1515
