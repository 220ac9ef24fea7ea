namespace Icesco.Insights.Panels;

/// <summary>The rules a schema cannot say: columns a chart names exist, parameters are known, ids are unique.</summary>
internal static class PanelRules
{
    public static void CheckBoard(PanelBoard board, List<string> errors)
    {
        for (var i = 0; i < board.Panels.Count; i++)
        {
            var panel = board.Panels[i];
            var at = $"{board.File}: /panels/{i} ({panel.Id})";
            CheckQuery(panel, at, errors);
            CheckChart(panel, at, errors);
            var duplicates = panel.Columns.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key);
            errors.AddRange(duplicates.Select(d => $"{at}/columns: the column '{d}' is listed twice"));
            errors.AddRange(panel.Columns.Where(c => c.Format != "hidden" && c.Format != "change" && c.Title is null)
                .Select(c => $"{at}/columns/{c.Name}: a shown column needs a title in ar, en and fr"));
        }
    }

    public static void CheckAcrossBoards(IReadOnlyList<PanelBoard> boards, List<string> errors)
    {
        errors.AddRange(boards.GroupBy(b => b.Board).Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(", ", g.Select(b => b.File))}: the board id '{g.Key}' is used more than once"));
        errors.AddRange(boards.SelectMany(b => b.Panels.Select(p => (b.File, p.Id))).GroupBy(p => p.Id).Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(", ", g.Select(p => p.File).Distinct())}: the panel id '{g.Key}' is used more than once (ids are global)"));
    }

    private static void CheckQuery(PanelDefinition panel, string at, List<string> errors)
    {
        if (panel.Query.Named is { } named)
        {
            if (!PanelNamedQueries.Known.ContainsKey(named))
            {
                errors.Add($"{at}/query/named: '{named}' is not a named query (known: {string.Join(", ", PanelNamedQueries.Known.Keys)})");
            }
            return;
        }
        var sql = panel.Query.Sql ?? "";
        var start = sql.TrimStart();
        if (!start.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !start.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}/query/sql: must be one SELECT (or WITH … SELECT)");
        }
        if (sql.Contains(';', StringComparison.Ordinal))
        {
            errors.Add($"{at}/query/sql: must be one statement, without ';'");
        }
        foreach (var (name, type) in PanelParameters.Used(sql))
        {
            if (!PanelParameters.Known.TryGetValue(name, out var expected))
            {
                errors.Add($"{at}/query/sql: unknown parameter {{{name}:{type}}} (known: {string.Join(", ", PanelParameters.Known.Select(k => $"{{{k.Key}:{k.Value}}}"))})");
            }
            else if (!string.Equals(type, expected, StringComparison.Ordinal))
            {
                errors.Add($"{at}/query/sql: parameter {{{name}:{type}}} must be typed {expected}");
            }
        }
    }

    private static void CheckChart(PanelDefinition panel, string at, List<string> errors)
    {
        var chart = panel.Chart;
        foreach (var (role, column) in new[] { ("x", chart.X), ("series", chart.Series), ("low", chart.Low), ("high", chart.High) }
            .Concat((chart.Y ?? []).Select(y => ("y", (string?)y))))
        {
            if (column is not null && panel.Column(column) is null)
            {
                errors.Add($"{at}/chart/{role}: '{column}' is not one of the panel's columns");
            }
        }
        if (PanelChartKinds.Plotted.Contains(chart.Kind) && (chart.X is null || chart.Y is not { Count: > 0 }))
        {
            errors.Add($"{at}/chart: a {chart.Kind} chart needs x and y");
        }
        if ((chart.Low is null) != (chart.High is null))
        {
            errors.Add($"{at}/chart: low and high come together");
        }
        if (panel.Report && !PanelChartKinds.InReport.Contains(chart.Kind))
        {
            errors.Add($"{at}/report: a {chart.Kind} panel cannot be in the weekly report (report kinds: {string.Join(", ", PanelChartKinds.InReport)})");
        }
        if (panel.Report && panel.Query.Named is not null)
        {
            errors.Add($"{at}/report: a report panel needs SQL; named queries are live-only");
        }
    }
}
