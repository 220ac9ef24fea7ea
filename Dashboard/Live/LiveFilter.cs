using System.Text.RegularExpressions;

namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// What a client watches: <c>all</c>, <c>topic:&lt;code&gt;</c>, <c>member_state:&lt;ISO2&gt;</c> or
/// <c>language:&lt;ar|en|fr&gt;</c>. The text is also the key the live queries group by and the SignalR group's name.
/// </summary>
public sealed partial record LiveFilter
{
    public const string Rule = "filter must be 'all', 'topic:<code>', 'member_state:<ISO2>' or 'language:<ar|en|fr>'";

    public static readonly LiveFilter All = new("all");

    private LiveFilter(string key) => Key = key;

    public string Key { get; }

    public string Group => "live:" + Key;

    public static bool TryParse(string? text, out LiveFilter filter)
    {
        filter = All;
        if (text is null || !Shape().IsMatch(text))
        {
            return false;
        }
        filter = new LiveFilter(text);
        return true;
    }

    /// <summary>Whether an event with these attributes belongs to this filter (the same rule the SQL applies).</summary>
    public bool Matches(string topic, IReadOnlyList<string> memberStates, string language) => Key switch
    {
        "all" => true,
        _ when Key.StartsWith("topic:", StringComparison.Ordinal) => Key[6..] == topic,
        _ when Key.StartsWith("language:", StringComparison.Ordinal) => Key[9..] == language,
        _ => memberStates.Contains(Key[13..], StringComparer.Ordinal),
    };

    public override string ToString() => Key;

    [GeneratedRegex("^(all|topic:[a-z0-9_-]{1,64}|member_state:[A-Z]{2}|language:(ar|en|fr))$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
