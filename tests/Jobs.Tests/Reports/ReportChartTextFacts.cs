using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Reports.Pdf;
using Icesco.Insights.Jobs.Reports.Text;
using Icesco.Insights.Panels;
using Icesco.Insights.Storage.ReferenceData;

namespace Icesco.Insights.Jobs.Tests.Reports;

/// <summary>
/// The charts' texts in the PDF, as a reader's tools extract them (<c>pdftotext</c>, NFKC): every answer, topic
/// and member state a chart shows is there as its words, in reading order, in each language — fixed data, no engine.
/// </summary>
public sealed class ReportChartTextFacts : IDisposable
{
    private static readonly PanelCatalog Catalog = PanelCatalog.Load(Path.Combine(AppContext.BaseDirectory, "dashboards"));
    private readonly ReportFonts fonts = ReportFonts.Load();

    public void Dispose() => fonts.Dispose();

    [Fact]
    public async Task Arabic_chart_labels_with_diacritics_digits_and_Latin_come_out_of_the_PDF_as_their_words()
    {
        var topics = new Dictionary<string, LocalizedName>
        {
            ["education"] = new("التربية", "Education", "Éducation"),
            ["culture"] = new("الشؤون الثقافيّة", "Cultural affairs", "Affaires culturelles"), // shadda
            ["vision"] = new("رؤية ٢٠٢٦", "Vision 2026", "Vision 2026"),                       // Arabic-Indic digits
            ["forum"] = new("منتدى ICESCO الثقافي", "ICESCO cultural forum", "Forum culturel de l'ICESCO"), // embedded Latin
        };
        var report = Report(new ReportLabels(topics, new Dictionary<string, LocalizedName>(), new Dictionary<string, LocalizedName>()),
            [.. topics.Keys], ["MA", "EG", "SA"]);

        var pdf = PdfReportWriter.Write(report, ReportLanguage.Arabic, fonts).Content;
        await File.WriteAllBytesAsync(Output("chart-text-ar.pdf"), pdf); // for people to look at
        var text = PdfText.Words(await PdfText.ExtractAsync(pdf));

        // The satisfaction answers carry tanween (راضٍ, إطلاقًا, جدًا): the labels the issue saw garbled.
        string[] expected = [.. ReportText.For(ReportLanguage.Arabic).Answers, .. topics.Values.Select(t => t.Ar), "المغرب", "مصر", "السعودية"];
        Assert.All(expected, label => Assert.Contains(PdfText.Words(label.Normalize(System.Text.NormalizationForm.FormKC)), text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_series_and_category_of_every_chart_is_in_the_text_with_the_longest_real_names(string code)
    {
        var language = ReportLanguage.Find(code)!;
        var topics = ReferenceDataFiles.Topics().ToDictionary(t => t.Code, t => new LocalizedName(t.NameAr, t.NameEn, t.NameFr));
        // The ten member states with the longest names in this language: the ranking's ticks.
        var states = ReferenceDataFiles.MemberStates().Where(s => s.Status == "confirmed")
            .OrderByDescending(s => ReportLabels.Country(s.Code, code).Length).Take(10).Select(s => s.Code).ToArray();
        var labels = new ReportLabels(topics, new Dictionary<string, LocalizedName>(), new Dictionary<string, LocalizedName>());

        var pdf = PdfReportWriter.Write(Report(labels, [.. topics.Keys], states), language, fonts).Content;
        await File.WriteAllBytesAsync(Output($"chart-text-longest-{code}.pdf"), pdf); // for people to look at
        var text = PdfText.Words(await PdfText.ExtractAsync(pdf));

        string[] expected =
        [
            .. topics.Values.Select(t => t.In(code)),
            .. ReportText.For(language).Answers,
            .. states.Select(s => ReportLabels.Country(s, code)),
        ];
        Assert.True(topics.Count >= 7, "the legend case needs seven topics or more");
        Assert.All(expected, name => Assert.Contains(PdfText.Words(name.Normalize(System.Text.NormalizationForm.FormKC)), text, StringComparison.Ordinal));
    }

    private static string Output(string file) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "test-output")).FullName, file);

    /// <summary>The report's three charts of categories: views by topic over 8 weeks, the ranking, the answers.</summary>
    private static ReportData Report(ReportLabels labels, IReadOnlyList<string> topics, IReadOnlyList<string> states)
    {
        var weekly = new PanelData(["week", "topic", "views"],
        [
            .. Enumerable.Range(0, 8).SelectMany(w => topics.Select((topic, i) =>
                new object?[] { new DateTime(2026, 10, 5).AddDays(7 * w), topic, (ulong)(100 + (i * 40) + (w * 5)) })),
        ]);
        var ranking = new PanelData(["member_state", "views", "unique_visitors", "csat"],
            [.. states.Select((s, i) => new object?[] { s, (ulong)(1000 - (i * 50)), (ulong)(400 - (i * 10)), 0.7 })]);
        var answers = new PanelData(["answer", "ratings"], [.. Enumerable.Range(1, 5).Select(a => new object?[] { (byte)a, (ulong)(a * 20) })]);
        // 2026-W48, the week of the issue.
        return new ReportData(IsoWeek.Containing(new DateOnly(2026, 11, 23)), new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero),
        [
            new ReportSection(Catalog.Panel("views-by-topic-8-weeks"), weekly),
            new ReportSection(Catalog.Panel("member-state-ranking"), ranking),
            new ReportSection(Catalog.Panel("satisfaction-distribution"), answers),
        ], labels);
    }
}
