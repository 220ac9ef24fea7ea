using System.Collections;
using System.Runtime.CompilerServices;

namespace Icesco.Insights.Storage.Tests;

/// <summary>Compares a value written through the driver with the value read back.</summary>
internal static class ValueAssert
{
    public static void Equivalent(object? expected, object? actual, string column)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null or DBNull, $"{column}: expected null, got {actual}");
                break;
            case DateTime e:
                var a = Assert.IsType<DateTime>(actual);
                Assert.True(e.Ticks == a.Ticks && a.Kind != DateTimeKind.Local, $"{column}: expected {e:O}, got {a:O} ({a.Kind})");
                break;
            case string s:
                Assert.Equal(s, actual as string);
                break;
            case ITuple tuple:
                var other = Assert.IsAssignableFrom<ITuple>(actual);
                Assert.Equal(tuple.Length, other.Length);
                for (var i = 0; i < tuple.Length; i++)
                {
                    Equivalent(tuple[i], other[i], $"{column}.{i}");
                }
                break;
            case IEnumerable items:
                var left = items.Cast<object?>().ToList();
                var right = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
                Assert.True(left.Count == right.Count, $"{column}: expected {left.Count} items, got {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    Equivalent(left[i], right[i], $"{column}[{i}]");
                }
                break;
            default:
                Assert.True(Equals(expected, actual), $"{column}: expected {expected} ({expected.GetType().Name}), got {actual} ({actual?.GetType().Name})");
                break;
        }
    }
}
