using System.Linq.Expressions;
using System.Reflection;

namespace AkeylessSharp.Tests.Shared;

/// <summary>
/// Calls every public constructor and method of an assembly once per non-nullable reference parameter with null there,
/// and once per non-nullable string parameter with "" and "   ", and records each call that fails untyped.
/// </summary>
/// <remarks>
/// A null must give an <see cref="ArgumentNullException"/> naming that parameter. A blank string may be accepted, or give
/// an <see cref="ArgumentException"/> naming that parameter or an <c>AkeylessException</c>; nothing else.
/// Arguments other than the one under test are their declared default, null where the parameter is nullable, or come
/// from the caller's value factory (type, parameter name or null for the instance), which returns null for a type it cannot make
/// (then cancellation tokens, time spans, enums, other value types and delegates get a value here): a member still lacking
/// one is reported as skipped.
/// </remarks>
internal sealed class ArgumentGuard(Func<Type, string?, object?> valueFor, TimeSpan? callTimeout = null)
{
    private static readonly string[] s_blanks = ["", "   "];
    private readonly NullabilityInfoContext _nullability = new();
    private readonly TimeSpan _callTimeout = callTimeout ?? TimeSpan.FromSeconds(5);

    /// <summary>Runs every case of every public member of <paramref name="assembly"/>.</summary>
    public Task<ArgumentGuardReport> RunAsync(Assembly assembly) => RunAsync(assembly.GetExportedTypes());

    /// <summary>Runs every case of every public member of <paramref name="types"/>.</summary>
    public async Task<ArgumentGuardReport> RunAsync(IEnumerable<Type> types)
    {
        var report = new ArgumentGuardReport();
        foreach (var member in PublicMembers(types))
        {
            await RunMemberAsync(member, report);
        }

        return report;
    }

    /// <summary>The public constructors and methods the guard calls: accessors, operators and abstract members are left to their implementations.</summary>
    public static IEnumerable<MethodBase> PublicMembers(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            IEnumerable<MethodBase> constructors = type.IsAbstract ? [] : type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && !m.IsAbstract && !m.Name.StartsWith('<'));
            foreach (var member in constructors.Concat(methods).OrderBy(Signature, StringComparer.Ordinal))
            {
                yield return member;
            }
        }
    }

    /// <summary>A member's name for reports and skip lists: <c>Namespace.Type.Method(ParamType, ...)</c>.</summary>
    public static string Signature(MethodBase member) =>
        $"{member.DeclaringType!.FullName}.{(member.IsConstructor ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private async Task RunMemberAsync(MethodBase member, ArgumentGuardReport report)
    {
        var parameters = member.GetParameters();
        var guarded = parameters.Where(IsNonNullableReference).ToList();
        if (guarded.Count == 0)
        {
            return;
        }

        if (member.ContainsGenericParameters)
        {
            report.Skipped[Signature(member)] = "generic";
            return;
        }

        var missing = parameters.Where(p => !p.HasDefaultValue && IsNonNullableReference(p) && Value(p.ParameterType, p.Name) is null).Select(p => TypeName(p.ParameterType))
            .Concat(member.IsStatic || member.IsConstructor || Value(member.DeclaringType!, null) is not null ? [] : [TypeName(member.DeclaringType!)])
            .ToList();
        if (missing.Count > 0)
        {
            report.Skipped[Signature(member)] = $"no value for {string.Join(", ", missing.Distinct())}";
            return;
        }

        report.Covered.Add(Signature(member));
        foreach (var parameter in guarded)
        {
            var outcome = await CallAsync(member, parameters, parameter, null);
            if (outcome is not ArgumentNullException { } ane || ane.ParamName != parameter.Name)
            {
                report.Failures.Add($"{Signature(member)} with null {parameter.Name}: {Describe(outcome)}");
            }

            if (parameter.ParameterType != typeof(string))
            {
                continue;
            }

            foreach (var blank in s_blanks)
            {
                outcome = await CallAsync(member, parameters, parameter, blank);
                bool typed = outcome is null || IsAkeylessException(outcome) || (outcome is ArgumentException ae && ae.ParamName == parameter.Name);
                if (outcome is null)
                {
                    report.AcceptedBlank.Add($"{Signature(member)} {parameter.Name}=\"{blank}\"");
                }
                else if (IsAkeylessException(outcome))
                {
                    report.TypedBlank.Add($"{Signature(member)} {parameter.Name}=\"{blank}\": {Describe(outcome)}");
                }
                else if (!typed)
                {
                    report.Failures.Add($"{Signature(member)} with \"{blank}\" {parameter.Name}: {Describe(outcome)}");
                }
            }
        }
    }

    private async Task<Exception?> CallAsync(MethodBase member, ParameterInfo[] parameters, ParameterInfo target, object? value)
    {
        var arguments = parameters.Select(p => p == target ? value : ArgumentFor(p)).ToArray();
        try
        {
            var call = Task.Run(async () =>
            {
                object? instance = member.IsStatic || member.IsConstructor ? null : Value(member.DeclaringType!, null);
                object? result = member is ConstructorInfo constructor ? constructor.Invoke(arguments) : member.Invoke(instance, arguments);
                await CompleteAsync(result);
            });
            await call.WaitAsync(_callTimeout);
            return null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            return e.InnerException;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private object? ArgumentFor(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue ?? (parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null);
        }

        var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        return IsNonNullableReference(parameter) || type.IsValueType ? Value(type, parameter.Name) : null;
    }

    private object? Value(Type type, string? name) => valueFor(type, name) ?? type switch
    {
        _ when type == typeof(CancellationToken) => CancellationToken.None,
        _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ when typeof(Delegate).IsAssignableFrom(type) => NoOp(type),
        _ => null,
    };

    private static Delegate NoOp(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType)).ToArray();
        return Expression.Lambda(delegateType, Expression.Default(invoke.ReturnType), parameters).Compile();
    }

    private static async Task CompleteAsync(object? result)
    {
        switch (result)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                await (Task)result.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                break;
            case not null when AsyncSequenceItem(result.GetType()) is { } item:
                await FirstItemAsync(result, item);
                break;
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static Type? AsyncSequenceItem(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))?.GetGenericArguments()[0];

    private static async Task FirstItemAsync(object sequence, Type item)
    {
        var enumerable = typeof(IAsyncEnumerable<>).MakeGenericType(item);
        var enumerator = (IAsyncDisposable)enumerable.GetMethod("GetAsyncEnumerator")!.Invoke(sequence, [CancellationToken.None])!;
        await using (enumerator)
        {
            var moveNext = typeof(IAsyncEnumerator<>).MakeGenericType(item).GetMethod("MoveNextAsync")!;
            await (ValueTask<bool>)moveNext.Invoke(enumerator, null)!;
        }
    }

    private bool IsNonNullableReference(ParameterInfo parameter)
    {
        var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        if (type.IsValueType || parameter.IsOut)
        {
            return false;
        }

        var info = _nullability.Create(parameter);
        return info.WriteState == NullabilityState.NotNull || (info.WriteState == NullabilityState.Unknown && info.ReadState == NullabilityState.NotNull);
    }

    private static bool IsAkeylessException(Exception exception)
    {
        for (var type = exception.GetType(); type is not null; type = type.BaseType)
        {
            if (type.Name == "AkeylessException")
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception? outcome) => outcome switch
    {
        null => "no exception",
        TimeoutException => "did not complete in time",
        ArgumentException ae => $"{ae.GetType().Name} naming '{ae.ParamName}'",
        _ => $"{outcome.GetType().Name}: {outcome.Message.Split('\n')[0]}",
    };

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}

/// <summary>What one <see cref="ArgumentGuard"/> run covered, skipped (signature → reason) and found.</summary>
internal sealed class ArgumentGuardReport
{
    public List<string> Covered { get; } = [];

    public SortedDictionary<string, string> Skipped { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = [];

    /// <summary>The string parameters that took a blank without complaint (allowed: some names may be empty).</summary>
    public SortedSet<string> AcceptedBlank { get; } = new(StringComparer.Ordinal);

    /// <summary>The string parameters whose blank gave an <c>AkeylessException</c> rather than an <see cref="ArgumentException"/>.</summary>
    public SortedSet<string> TypedBlank { get; } = new(StringComparer.Ordinal);

    /// <summary>How many members were called and skipped, then each skipped one with its reason.</summary>
    public string Summary() =>
        $"{Covered.Count} members covered, {Skipped.Count} skipped" + string.Concat(Skipped.Select(s => $"\nskipped {s.Key}: {s.Value}"))
        + string.Concat(AcceptedBlank.Select(a => $"\naccepted blank {a}"))
        + string.Concat(TypedBlank.Select(a => $"\nAkeylessException for blank {a}"));

    /// <summary>
    /// Fails on any untyped failure, and when the members skipped differ from <paramref name="expectedSkips"/>, so a new
    /// member nobody can call, or a skip that no longer applies, shows up.
    /// </summary>
    public void AssertClean(IReadOnlyDictionary<string, string> expectedSkips)
    {
        var unexpected = Skipped.Keys.Except(expectedSkips.Keys).Select(k => $"skipped but not listed: {k} ({Skipped[k]})");
        var stale = expectedSkips.Keys.Except(Skipped.Keys).Select(k => $"listed as skipped but callable: {k}");
        var problems = Failures.Concat(unexpected).Concat(stale).ToList();
        Xunit.Assert.True(problems.Count == 0, $"{problems.Count} problem(s) over {Covered.Count} members:\n{string.Join('\n', problems)}");
    }
}
