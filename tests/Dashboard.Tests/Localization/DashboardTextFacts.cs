using System.Text.Json;
using System.Text.RegularExpressions;
using Icesco.Insights.Dashboard.Localization;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Dashboard.Tests.Localization;

/// <summary>The labels of the pages: complete in three languages, and every one the scripts ask for exists.</summary>
public sealed partial class DashboardTextFacts
{
    [Fact]
    public void Every_label_is_written_in_arabic_english_and_french_with_the_same_placeholders()
    {
        Assert.All(DashboardLabels.All, label =>
        {
            Assert.False(string.IsNullOrWhiteSpace(label.En), label.Key);
            Assert.False(string.IsNullOrWhiteSpace(label.Fr), label.Key);
            Assert.False(string.IsNullOrWhiteSpace(label.Ar), label.Key);
            Assert.Equal(Placeholders(label.En), Placeholders(label.Fr));
            Assert.Equal(Placeholders(label.En), Placeholders(label.Ar));
        });
        Assert.Equal(DashboardLabels.All.Count, DashboardLabels.All.Select(l => l.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Arabic_labels_are_in_arabic_script()
    {
        // Brand names and codes stay Latin (PDF, CSV, Hangfire); every sentence has Arabic letters.
        Assert.All(DashboardLabels.All.Where(l => l.Ar.Length > 3 && l.Key != "reports.pdf"), label =>
            Assert.Matches(ArabicLetter(), label.Ar));
    }

    [Fact]
    public void Every_label_key_the_scripts_use_exists()
    {
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "Dashboard", "ClientApp", "src"), "*.js");
        var used = sources.SelectMany(f => LabelCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        // Keys built at run time from a known set of values.
        used.UnionWith(["live.status.connecting", "live.status.live", "live.status.reconnecting", "live.status.offline", "live.status.error", "live.status.signedOut"]);
        used.UnionWith(Enumerable.Range(1, 5).Select(i => $"answer.{i}"));
        used.UnionWith(["anomaly.spike", "anomaly.drop", "language.ar", "language.en", "language.fr"]);

        var known = DashboardLabels.All.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);
        var missing = used.Where(key => !known.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "labels the scripts use but DashboardLabels lacks: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("ar", "rtl", "ar-MA")]
    [InlineData("en", "ltr", "en-GB")]
    [InlineData("fr", "ltr", "fr-FR")]
    public void The_page_config_carries_the_language_its_labels_and_the_topic_names(string code, string dir, string locale)
    {
        var language = DashboardLanguage.Find(code)!;
        var config = JsonDocument.Parse(DashboardPageConfig.For(language)).RootElement;

        Assert.Equal((code, dir, locale), (config.GetProperty("lang").GetString(), config.GetProperty("dir").GetString(), config.GetProperty("locale").GetString()));
        Assert.Equal(DashboardText.Get(language, "nav.live"), config.GetProperty("text").GetProperty("nav.live").GetString());
        Assert.True(config.GetProperty("topics").TryGetProperty("education", out _));
        Assert.Contains("MA", config.GetProperty("memberStates").EnumerateArray().Select(e => e.GetString()));
        // Safe inside <script>: no character that could close the element or open a comment.
        Assert.DoesNotContain('<', DashboardPageConfig.For(language));
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex("""\bt\("([a-zA-Z0-9_.]+)"[,)]""")]
    private static partial Regex LabelCall();
}
