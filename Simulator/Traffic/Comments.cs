using System.Globalization;

namespace Icesco.Insights.Simulator.Traffic;

/// <summary>
/// Readers' comments in the three languages, by mood (pleased, neutral, displeased), and the contact
/// details some readers add, which the Collector must scrub. Addresses use the reserved
/// <c>example.*</c> domains; numbers follow the member states' formats, some in Arabic-Indic digits.
/// </summary>
internal static class Comments
{
    public static readonly IReadOnlyDictionary<string, string[][]> Texts = new Dictionary<string, string[][]>
    {
        ["en"] =
        [
            ["Very informative article, thank you ICESCO.", "Great coverage of the programme.", "Clear and useful, keep it up!", "Proud to see my country's work featured."],
            ["Good, but the page loads slowly on my phone.", "Interesting, I would like more details on the next steps.", "The article is fine; photos are missing."],
            ["I could not find the report mentioned in the article.", "The search on the site does not work.", "Too short, no link to the documents."],
        ],
        ["fr"] =
        [
            ["Article très instructif, merci à l'ICESCO.", "Excellente couverture du programme.", "Clair et utile, continuez ainsi !", "Fier de voir le travail de mon pays mis en avant."],
            ["Bien, mais la page est lente sur mobile.", "Intéressant, j'aimerais plus de détails sur la suite.", "Article correct, il manque des photos."],
            ["Je ne trouve pas le rapport cité dans l'article.", "La recherche du site ne fonctionne pas.", "Trop court, aucun lien vers les documents."],
        ],
        ["ar"] =
        [
            ["مقال مفيد جدا، شكرا للإيسيسكو.", "تغطية رائعة للبرنامج.", "واضح ومفيد، استمروا!", "فخور برؤية عمل بلدي في الموقع."],
            ["جيد، لكن الصفحة بطيئة على الهاتف.", "مثير للاهتمام، أود معرفة المزيد عن الخطوات القادمة.", "المقال جيد لكن تنقصه الصور."],
            ["لم أجد التقرير المذكور في المقال.", "البحث في الموقع لا يعمل.", "قصير جدا ولا يوجد رابط للوثائق."],
        ],
    };

    private static readonly string[] Names = ["amina.benali", "youssef.k", "fatou.diop", "omar_haddad", "nur.aziz", "leila.mansour", "ibrahim.sow", "sara.rahman"];

    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];

    private static readonly Dictionary<string, (string Email, string Phone)> Lead = new()
    {
        ["en"] = ("Please write to me at {0}", "Call me on {0}"),
        ["fr"] = ("Écrivez-moi à {0}", "Appelez-moi au {0}"),
        ["ar"] = ("راسلوني على {0}", "هاتفي {0}"),
    };

    public static string Contact(string language, Random random)
    {
        var (email, phone) = Lead[language];
        return random.Next(2) == 0
            ? string.Format(CultureInfo.InvariantCulture, email, $"{Names[random.Next(Names.Length)]}@{Domains[random.Next(Domains.Length)]}")
            : string.Format(CultureInfo.InvariantCulture, phone, Phone(random));
    }

    /// <summary>A phone number in one of the formats readers type: international, local, or Arabic-Indic digits.</summary>
    internal static string Phone(Random random)
    {
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + random.Next(10))));
        return random.Next(5) switch
        {
            0 => $"+212 6{Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
            1 => $"00966 5{Digits(8)}",
            2 => $"06 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
            3 => $"+221 77 {Digits(3)} {Digits(2)} {Digits(2)}",
            _ => string.Concat(("05" + Digits(8)).Select(c => (char)(c - '0' + '\u0660'))),
        };
    }
}
