using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>
/// The configuration keys a service reads, as environment-variable patterns: every public settable property of its
/// options classes (those with a <c>SectionName</c>), under that section, nested classes as <c>Section__Key__Sub</c>,
/// lists as <c>Section__Key__N</c> (<c>__N__Sub</c> for lists of classes), dictionaries as <c>Section__Key__anything</c>;
/// plus the framework's own keys.
/// </summary>
internal sealed class KnownSettings
{
    /// <summary>Keys read by ASP.NET Core, Kestrel, logging and the .NET runtime, not by the services' options.</summary>
    private static readonly string[] FrameworkPrefixes = ["ASPNETCORE_", "DOTNET_", "Kestrel__", "Logging__"];

    private static readonly string[] FrameworkKeys = ["AllowedHosts", "urls"];

    private readonly List<Regex> patterns;

    private KnownSettings(IEnumerable<string> keys)
    {
        Keys = [.. keys.Order(StringComparer.Ordinal)];
        patterns = [.. Keys.Select(k => new Regex(
            "^" + Regex.Escape(k).Replace("\\{N}", @"\d+", StringComparison.Ordinal).Replace("\\{key}", "[^:_][^:]*?", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];
    }

    /// <summary>The derived keys, <c>{N}</c> for a list index and <c>{key}</c> for a dictionary key.</summary>
    public IReadOnlyList<string> Keys { get; }

    public static KnownSettings For(params Assembly[] assemblies)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (section is { IsLiteral: true } && section.GetRawConstantValue() is string name && type.IsClass && !type.IsAbstract)
            {
                Add(keys, name.Replace(":", "__", StringComparison.Ordinal), type, depth: 0);
            }
        }
        return new KnownSettings(keys);
    }

    /// <summary>Whether <paramref name="variable"/> (<c>Section__Key</c>) is a key the service reads.</summary>
    public bool Reads(string variable)
    {
        if (FrameworkPrefixes.Any(p => variable.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || FrameworkKeys.Contains(variable, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        // Configuration keys are case-insensitive, and ':' may be written as '__' in a variable's name.
        var normalized = variable.Replace(":", "__", StringComparison.Ordinal);
        return patterns.Any(p => p.IsMatch(normalized));
    }

    private static void Add(HashSet<string> keys, string prefix, Type type, int depth)
    {
        if (depth > 6)
        {
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = property.PropertyType;
            var collection = IsCollection(propertyType);
            // The binder sets writable properties, and fills get-only collections and classes in place.
            if (property.GetIndexParameters().Length > 0 || (property.SetMethod is not { IsPublic: true } && !collection && !IsComplex(propertyType)))
            {
                continue;
            }
            AddValue(keys, $"{prefix}__{property.Name}", propertyType, depth);
        }
    }

    private static void AddValue(HashSet<string> keys, string key, Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(underlying))
        {
            keys.Add(key);
            return;
        }
        var dictionary = DictionaryValueType(underlying);
        if (dictionary is not null)
        {
            AddValue(keys, key + "__{key}", dictionary, depth + 1);
            return;
        }
        var element = ElementType(underlying);
        if (element is not null)
        {
            AddValue(keys, key + "__{N}", element, depth + 1);
            return;
        }
        if (IsComplex(underlying))
        {
            Add(keys, key, underlying, depth + 1);
        }
    }

    private static bool IsScalar(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
           || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
           || type == typeof(Uri) || type == typeof(Guid);

    private static bool IsCollection(Type type) => !IsScalar(type) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsComplex(Type type) => type.IsClass && !IsScalar(type) && !IsCollection(type) && !typeof(Delegate).IsAssignableFrom(type);

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>) ? type : null)
            ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : null)
            ?? type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
