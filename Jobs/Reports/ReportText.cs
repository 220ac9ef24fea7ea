namespace Icesco.Insights.Jobs.Reports;

/// <summary>The report's own words in each language (panel titles come from <c>dashboards/</c>).</summary>
public sealed record ReportText(
    string Title,
    string Week,
    string Generated,
    string NoData,
    string Page,
    string VersusPreviousWeek,
    string Unknown,
    IReadOnlyList<string> Answers,
    IReadOnlyDictionary<string, string> Anomalies,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyDictionary<string, string> Languages)
{
    public static ReportText For(ReportLanguage language) => language.Code switch
    {
        "ar" => Arabic,
        "fr" => French,
        _ => English,
    };

    private static readonly ReportText English = new(
        Title: "ICESCO website: weekly report",
        Week: "Week {0}: {1} to {2}",
        Generated: "Generated on {0}",
        NoData: "No data for this week.",
        Page: "Page {0} of {1}",
        VersusPreviousWeek: "vs previous week",
        Unknown: "Unknown",
        Answers: ["Extremely dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Extremely satisfied"],
        Anomalies: new Dictionary<string, string> { ["spike"] = "Spike", ["drop"] = "Drop" },
        Dimensions: new Dictionary<string, string>
        {
            ["overall"] = "Whole site", ["topic"] = "Topic", ["member_state"] = "Member state", ["country"] = "Country",
            ["language"] = "Language", ["article"] = "Article",
        },
        Languages: new Dictionary<string, string> { ["ar"] = "Arabic", ["en"] = "English", ["fr"] = "French" });

    private static readonly ReportText French = new(
        Title: "Site de l'ICESCO : rapport hebdomadaire",
        Week: "Semaine {0} : du {1} au {2}",
        Generated: "Produit le {0}",
        NoData: "Aucune donnée pour cette semaine.",
        Page: "Page {0} sur {1}",
        VersusPreviousWeek: "par rapport à la semaine précédente",
        Unknown: "Inconnu",
        Answers: ["Extrêmement insatisfait", "Insatisfait", "Neutre", "Satisfait", "Extrêmement satisfait"],
        Anomalies: new Dictionary<string, string> { ["spike"] = "Pic", ["drop"] = "Chute" },
        Dimensions: new Dictionary<string, string>
        {
            ["overall"] = "Tout le site", ["topic"] = "Thème", ["member_state"] = "État membre", ["country"] = "Pays",
            ["language"] = "Langue", ["article"] = "Article",
        },
        Languages: new Dictionary<string, string> { ["ar"] = "Arabe", ["en"] = "Anglais", ["fr"] = "Français" });

    private static readonly ReportText Arabic = new(
        Title: "موقع الإيسيسكو: التقرير الأسبوعي",
        // The week's id is isolated left to right (LRI … PDI), or a browser shows 2026-W10 as W10-2026.
        Week: "الأسبوع \u2066{0}\u2069: من {1} إلى {2}",
        Generated: "أُعدّ في {0}",
        NoData: "لا توجد بيانات لهذا الأسبوع.",
        Page: "الصفحة {0} من {1}",
        VersusPreviousWeek: "مقارنة بالأسبوع السابق",
        Unknown: "غير معروف",
        Answers: ["غير راضٍ إطلاقًا", "غير راضٍ", "محايد", "راضٍ", "راضٍ جدًا"],
        Anomalies: new Dictionary<string, string> { ["spike"] = "ارتفاع حاد", ["drop"] = "انخفاض حاد" },
        Dimensions: new Dictionary<string, string>
        {
            ["overall"] = "الموقع كله", ["topic"] = "الموضوع", ["member_state"] = "الدولة العضو", ["country"] = "البلد",
            ["language"] = "اللغة", ["article"] = "المقالة",
        },
        Languages: new Dictionary<string, string> { ["ar"] = "العربية", ["en"] = "الإنجليزية", ["fr"] = "الفرنسية" });
}
