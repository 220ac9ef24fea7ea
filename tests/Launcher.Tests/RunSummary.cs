using System.Text.RegularExpressions;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>What the launcher printed once everything was healthy, read as a new user reads it.</summary>
internal sealed partial record RunSummary(Uri Dashboard, Uri Collector, string? AdminPassword)
{
    public static RunSummary Parse(string output)
    {
        var collector = new Uri(Field(output, "Collector"));
        var password = Password().Match(output);
        return new(
            new Uri(Field(output, "Dashboard")),
            new Uri(collector, "/"),
            password.Success ? password.Groups[1].Value : null);
    }

    private static string Field(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{label}\s+(http://\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{label}' URL in the summary:\n{output}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"sign in as admin with password (\S+)")]
    private static partial Regex Password();
}
