namespace Icesco.Insights.Jobs.Reports.Text;

/// <summary>Breaks text into lines no wider than a width, at spaces (a word wider than the line is cut).</summary>
public static class LineBreaker
{
    /// <param name="text">The text, in logical order (lines are laid out afterwards, one by one).</param>
    /// <param name="width">The widest a line may be, in the units of <paramref name="measure"/>.</param>
    /// <param name="measure">The width of a piece of text.</param>
    /// <param name="maxLines">Lines kept; the last one kept ends with an ellipsis when text remains.</param>
    public static IReadOnlyList<string> Break(string text, float width, Func<string, float> measure, int maxLines = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (line.Length > 1 && measure(line) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && measure(line[..cut]) > width)
                    {
                        cut--;
                    }
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].TrimEnd() + "…";
        }
        return lines;
    }
}
