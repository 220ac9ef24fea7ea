namespace Icesco.Insights.Dashboard.Trends;

/// <summary>
/// <c>?dimension=topic&amp;kind=week&amp;periods=8</c>, checked: a wrong value is a 400 naming the parameter and the rule.
/// </summary>
public sealed record TrendsRequest(string Dimension, string Kind, int Periods)
{
    /// <summary>The dimensions the trends job writes (docs/decisions/0010).</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["overall", "topic", "member_state", "country", "language", "article"];
    public static readonly IReadOnlyList<string> Kinds = ["week", "day"];
    public const int MaxPeriods = 104;

    public static (TrendsRequest? Request, Dictionary<string, string[]>? Errors) Parse(string? dimension, string? kind, int? periods)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        dimension ??= "topic";
        kind ??= "week";
        var count = periods ?? 8;
        if (!Dimensions.Contains(dimension, StringComparer.Ordinal))
        {
            errors["dimension"] = [$"one-of: dimension must be one of {string.Join(", ", Dimensions)}."];
        }
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            errors["kind"] = [$"one-of: kind must be one of {string.Join(", ", Kinds)}."];
        }
        if (count is < 1 or > MaxPeriods)
        {
            errors["periods"] = [$"range: periods must be between 1 and {MaxPeriods}."];
        }
        return errors.Count > 0 ? (null, errors) : (new TrendsRequest(dimension, kind, count), null);
    }
}
