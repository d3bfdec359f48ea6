using System.Reflection;

namespace AkeylessSharp.Tests.Shared;

/// <summary>
/// Checks an options type's copy by reflection: every public setting gets a value that differs from its default, so a
/// setting the copy forgets fails, and every list of settings must hold the same items in a list of its own.
/// </summary>
internal static class SettingsCopy
{
    /// <summary>
    /// Sets every public settable property of <paramref name="target"/> to a value other than its default and adds one
    /// item to every settable list. Strings, numbers, time spans, Booleans and enums get values here;
    /// <paramref name="valueFor"/> gives the rest (type, property name) and throws for a type it does not know.
    /// </summary>
    public static T WithNonDefaultValues<T>(T target, Func<Type, string, object> valueFor, Func<PropertyInfo, bool>? include = null)
        where T : new()
    {
        var defaults = new T();
        foreach (var property in Settings<T>(include))
        {
            object? defaultValue = property.GetValue(defaults);
            object value = NonDefault(property, defaultValue) ?? valueFor(property.PropertyType, property.Name);
            property.SetValue(target, value);
            Xunit.Assert.NotEqual(defaultValue, value);
        }

        foreach (var list in Lists<T>())
        {
            ((IList<string>)list.GetValue(target)!).Add($"item-of-{list.Name}");
        }

        return target;
    }

    /// <summary>Asserts that <paramref name="copy"/> has every setting of <paramref name="original"/> and lists of its own.</summary>
    public static void AssertCopied<T>(T original, T copy, Func<PropertyInfo, bool>? include = null)
    {
        foreach (var property in Settings<T>(include))
        {
            Xunit.Assert.True(Equals(property.GetValue(original), property.GetValue(copy)), $"{typeof(T).Name}.{property.Name} was not copied.");
        }

        foreach (var list in Lists<T>())
        {
            var originalItems = (IList<string>)list.GetValue(original)!;
            var copiedItems = (IList<string>)list.GetValue(copy)!;
            Xunit.Assert.NotEmpty(originalItems);
            Xunit.Assert.True(originalItems.SequenceEqual(copiedItems), $"{typeof(T).Name}.{list.Name} was not copied.");
            Xunit.Assert.False(ReferenceEquals(originalItems, copiedItems), $"{typeof(T).Name}.{list.Name} is shared with the copy instead of copied.");
        }
    }

    private static IEnumerable<PropertyInfo> Settings<T>(Func<PropertyInfo, bool>? include) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && (include is null || include(p)));

    private static IEnumerable<PropertyInfo> Lists<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => !p.CanWrite && p.PropertyType == typeof(IList<string>));

    private static object? NonDefault(PropertyInfo property, object? defaultValue)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(string) => $"value-of-{property.Name}",
            _ when type == typeof(TimeSpan) => TimeSpan.FromMilliseconds(1234 + property.Name.Length),
            _ when type == typeof(int) => 7,
            _ when type == typeof(bool) => !(bool)defaultValue!,
            _ when type.IsEnum => Enum.GetValues(type).Cast<object>().First(v => !v.Equals(defaultValue)),
            _ => null,
        };
    }
}
