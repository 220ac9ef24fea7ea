namespace Icesco.Insights.Storage.ClickHouse;

/// <summary>
/// Readers' text as the feedback explorer searches it, one definition for the stored side (migration 0011 keeps
/// <c>feedback_explorer.search</c>) and the typed side (the query normalises its words with the same expression):
/// lower case; Arabic diacritics (tashkeel, superscript alef) and tatweel dropped; the alef forms أ إ آ ٱ read as ا,
/// taa marbuta ة as haa ه, alef maqsura ى as yaa ي; Latin accents dropped (é → e), so "ecole" finds "école".
/// </summary>
public static class SearchText
{
    private const string ArabicMarks = @"[\\x{064B}-\\x{065F}\\x{0670}\\x{0640}]";
    private const string From = "أإآٱةىàâäáãéèêëîïíìôöóòõùûüúçÿñ";
    private const string To = "ااااهيaaaaaeeeeiiiiooooouuuucyn";

    /// <summary>The normalised form of <paramref name="expression"/> (a column or a <c>{name:String}</c> parameter) as one SQL expression.</summary>
    public static string SqlExpression(string expression) =>
        $"translateUTF8(replaceRegexpAll(lowerUTF8({expression}), '{ArabicMarks}', ''), '{From}', '{To}')";
}
