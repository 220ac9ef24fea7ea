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

    /// <summary>
    /// The longest suffix <c>feedback_search</c> (migration 0017) keeps, in code points: a typed word of at most
    /// <see cref="MaxIndexedWordLength"/> characters (lower-casing can at most double it) is always a whole prefix of one.
    /// </summary>
    public const int SuffixLength = 32;

    /// <summary>Longer typed words are searched in <c>feedback_explorer.search</c> with <c>position</c>.</summary>
    public const int MaxIndexedWordLength = SuffixLength / 2;

    /// <summary>The normalised form of <paramref name="expression"/> (a column or a <c>{name:String}</c> parameter) as one SQL expression.</summary>
    public static string SqlExpression(string expression) =>
        $"translateUTF8(replaceRegexpAll(lowerUTF8({expression}), '{ArabicMarks}', ''), '{From}', '{To}')";

    /// <summary>
    /// The distinct suffixes (at most <see cref="SuffixLength"/> code points) of every whitespace-separated word of the
    /// normalised <paramref name="expression"/>. A typed word (never holding whitespace) is a substring of the normalised
    /// text exactly when it is a prefix of one of these, so a sorted table of them answers <c>position(...) > 0</c>.
    /// </summary>
    public static string SuffixesSqlExpression(string expression) =>
        $"arrayDistinct(arrayFlatten(arrayMap(w -> arrayMap(i -> substringUTF8(w, i, {SuffixLength}), range(1, toUInt64(lengthUTF8(w)) + 1)), splitByWhitespace({SqlExpression(expression)}))))";

    /// <summary>
    /// Whether <paramref name="word"/> normalises to nothing (only the Arabic marks and tatweel the normalisation drops):
    /// <c>position(text, '')</c> is true of every text, so such a word narrows nothing.
    /// </summary>
    public static bool NormalisesToNothing(string word) => word.All(c => c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640');
}
