namespace Icesco.Insights.Jobs.Reports.Text;

/// <summary>A stretch of one direction within a line; shaped on its own and placed by <see cref="BidiRuns"/>.</summary>
public sealed record TextRun(string Text, bool RightToLeft);

/// <summary>
/// Splits a line into directional runs in visual (left-to-right) order. HarfBuzz shapes one run in one
/// direction and does not reorder mixed text, so an Arabic line with numbers or Latin names is cut into
/// runs here: a small subset of the Unicode bidirectional algorithm (strong letters, numbers kept left to
/// right with their signs and separators, neutrals taking the direction around them), enough for report
/// lines — not for nested embeddings.
/// </summary>
public static class BidiRuns
{
    private enum Direction
    {
        Neutral,
        LeftToRight,
        RightToLeft,
    }

    public static IReadOnlyList<TextRun> Split(string line, bool rightToLeftParagraph)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Direction marks (ICU puts them in Arabic number formats) have no glyph: the runs below carry direction.
        line = string.Concat(line.Where(c => !IsDirectionControl(c)));
        if (line.Length == 0)
        {
            return [];
        }
        var directions = Resolve(line, rightToLeftParagraph);
        var runs = new List<TextRun>();
        var start = 0;
        for (var i = 1; i <= line.Length; i++)
        {
            if (i == line.Length || directions[i] != directions[start])
            {
                runs.Add(new TextRun(line[start..i], directions[start] == Direction.RightToLeft));
                start = i;
            }
        }
        // Logical order is visual order in a left-to-right paragraph; a right-to-left one is read from the right.
        if (rightToLeftParagraph)
        {
            runs.Reverse();
        }
        return runs;
    }

    /// <summary>Whether <paramref name="line"/> has any right-to-left letter (Arabic, Hebrew …).</summary>
    public static bool HasRightToLeft(string line) => line.Any(IsRightToLeft);

    private static Direction[] Resolve(string line, bool rightToLeftParagraph)
    {
        var paragraph = rightToLeftParagraph ? Direction.RightToLeft : Direction.LeftToRight;
        var directions = line.Select(Classify).ToArray();

        // Signs and percent marks belong to the number beside them: "12 %" and "−3" stay together.
        for (var i = 0; i < line.Length; i++)
        {
            if (directions[i] == Direction.Neutral && IsNumberMark(line[i]) &&
                ((i > 0 && char.IsDigit(line[i - 1])) || (i + 1 < line.Length && char.IsDigit(line[i + 1]))))
            {
                directions[i] = Direction.LeftToRight;
            }
        }

        // Neutrals between two runs of one direction take it; anywhere else they take the paragraph's.
        for (var i = 0; i < line.Length; i++)
        {
            if (directions[i] != Direction.Neutral)
            {
                continue;
            }
            var end = i;
            while (end < line.Length && directions[end] == Direction.Neutral)
            {
                end++;
            }
            var before = i > 0 ? directions[i - 1] : paragraph;
            var after = end < line.Length ? directions[end] : paragraph;
            var resolved = before == after ? before : paragraph;
            for (var j = i; j < end; j++)
            {
                directions[j] = resolved;
            }
            i = end - 1;
        }
        return directions;
    }

    private static Direction Classify(char c) =>
        IsRightToLeft(c) ? Direction.RightToLeft
        : char.IsLetter(c) || char.IsDigit(c) ? Direction.LeftToRight
        : Direction.Neutral;

    private static bool IsRightToLeft(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
        && !char.IsDigit(c) && c != '\u066A' && c != '\u060C' && char.IsLetter(c);

    private static bool IsDirectionControl(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsNumberMark(char c) => c is '%' or '\u066A' or '‰' or '+' or '-' or '−' or '.' or ',' or '\u00A0' or '\u202F';
}
