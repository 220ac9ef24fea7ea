using Icesco.Insights.Simulator.Data;

namespace Icesco.Insights.Simulator.Tests.Traffic;

public sealed class IcescoDataFacts
{
    [Fact]
    public void Every_real_story_is_registered_in_arabic_english_and_french()
    {
        Assert.Equal(151, RealData.Data.Stories.Count);
        Assert.Equal(3 * 151, RealData.Data.Articles.Count);
        Assert.Equal(RealData.Data.Articles.Count, RealData.Data.Articles.Select(a => a.Id).Distinct().Count());
        Assert.All(RealData.Data.Articles, a => Assert.InRange(a.Id.Length, 4, 200));
        Assert.All(RealData.Data.Articles, a => Assert.Equal(2, a.Translations.Count));
    }

    [Fact]
    public void The_english_version_keeps_the_real_url_and_the_others_live_in_their_language_section()
    {
        var story = RealData.Data.Stories.First(s => s.ByLanguage["en"].Url.Contains("/2021/12/09/", StringComparison.Ordinal));
        Assert.Equal("https://icesco.org/en/2021/12/09/second-day-of-icescos-14th-general-conference-kicks-off-in-cairo/", story.ByLanguage["en"].Url);
        Assert.Equal("https://icesco.org/fr/2021/12/09/second-day-of-icescos-14th-general-conference-kicks-off-in-cairo/", story.ByLanguage["fr"].Url);
        Assert.Equal("https://icesco.org/ar/2021/12/09/second-day-of-icescos-14th-general-conference-kicks-off-in-cairo/", story.ByLanguage["ar"].Url);
    }

    [Fact]
    public void Member_states_are_the_52_of_the_csv()
    {
        Assert.Equal(52, RealData.Data.MemberStates.Count);
        Assert.Equal(RealData.MemberStates.Order(), RealData.Data.MemberStates.Order());
    }

    [Fact]
    public void The_data_folder_is_found_without_being_named() =>
        Assert.True(File.Exists(Path.Combine(DataLocator.Find().FullName, DataLocator.ArticlesFile)));

    [Fact]
    public void A_wrong_data_folder_is_an_error_naming_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => DataLocator.Find("/nonexistent/data"));
        Assert.Contains("/nonexistent/data", error.Message, StringComparison.Ordinal);
    }
}
