using System.Text.RegularExpressions;

namespace Icesco.Insights.Collector.Ingestion.Enrichment;

/// <summary>
/// Removes what could identify a reader from a comment before it is stored: e-mail addresses,
/// card-like numbers (13–19 digits passing the Luhn check) and phone numbers, in Western or
/// Arabic-Indic digits, each replaced by a placeholder so the comment still reads.
/// </summary>
public static partial class CommentScrubber
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Card = "[card]";

    public static string Scrub(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var text = EmailPattern().Replace(comment, Email);
        text = CardPattern().Replace(text, m => PassesLuhn(m.Value) ? Card : m.Value);
        return PhonePattern().Replace(text, Phone);
    }

    /// <summary>The digit's value, for ASCII, Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits; -1 otherwise.</summary>
    internal static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };

    internal static bool PassesLuhn(string candidate)
    {
        var digits = candidate.Select(DigitValue).Where(d => d >= 0).ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9\u0660-\u0669\u06F0-\u06F9])[0-9\u0660-\u0669\u06F0-\u06F9](?:[ \-]?[0-9\u0660-\u0669\u06F0-\u06F9]){12,18}(?![0-9\u0660-\u0669\u06F0-\u06F9])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    // International (+ or 00 and 7–15 digits), local trunk-prefixed (0 and 8–12 digits), or any run
    // of 10–15 digits, with single spaces, dashes, dots or brackets between groups.
    [GeneratedRegex(@"(?<![0-9\u0660-\u0669\u06F0-\u06F9\w+])(?:(?:\+|00|٠٠|۰۰)[0-9\u0660-\u0669\u06F0-\u06F9](?:[ \-.()]{0,2}[0-9\u0660-\u0669\u06F0-\u06F9]){6,14}|\(?[0٠۰][0-9\u0660-\u0669\u06F0-\u06F9]\)?(?:[ \-.()]{0,2}[0-9\u0660-\u0669\u06F0-\u06F9]){7,11}|\(?[0-9\u0660-\u0669\u06F0-\u06F9](?:[ \-.()]{0,2}[0-9\u0660-\u0669\u06F0-\u06F9]){9,14})(?![0-9\u0660-\u0669\u06F0-\u06F9])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
