namespace Icesco.Insights.Panels;

/// <summary>The boards and panels read from <c>dashboards/*.json</c>, validated.</summary>
public sealed class PanelCatalog
{
    private readonly Dictionary<string, PanelDefinition> panels;

    internal PanelCatalog(IReadOnlyList<PanelBoard> boards)
    {
        Boards = boards;
        panels = boards.SelectMany(b => b.Panels).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Every board, in file-name order.</summary>
    public IReadOnlyList<PanelBoard> Boards { get; }

    /// <summary>The panels marked for the weekly report, in their <c>order</c>.</summary>
    public IReadOnlyList<PanelDefinition> ReportPanels =>
        [.. Boards.SelectMany(b => b.Panels).Where(p => p.Report).OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal)];

    /// <summary>The board called <paramref name="board"/>.</summary>
    public PanelBoard Board(string board) =>
        Boards.FirstOrDefault(b => b.Board == board) ?? throw new KeyNotFoundException($"No board '{board}' in the panel definitions.");

    /// <summary>The panel called <paramref name="id"/>.</summary>
    public PanelDefinition Panel(string id) =>
        panels.TryGetValue(id, out var panel) ? panel : throw new KeyNotFoundException($"No panel '{id}' in the panel definitions.");

    /// <summary>
    /// Reads and validates every <c>*.json</c> of <paramref name="directory"/> except the schema.
    /// Throws <see cref="PanelDefinitionException"/> listing every problem found (file, JSON path, rule).
    /// </summary>
    public static PanelCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PanelDefinitionException([$"{directory}: the panel definitions folder does not exist (set Panels:Directory)."]);
        }
        var schemaPath = Path.Combine(directory, PanelSchema.FileName);
        if (!File.Exists(schemaPath))
        {
            throw new PanelDefinitionException([$"{schemaPath}: the schema of the panel definitions is missing."]);
        }
        var schema = PanelSchema.Load(schemaPath);
        var files = Directory.EnumerateFiles(directory, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), PanelSchema.FileName, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var errors = new List<string>();
        var boards = new List<PanelBoard>();
        foreach (var file in files)
        {
            var board = PanelFileReader.Read(file, schema, errors);
            if (board is not null)
            {
                boards.Add(board);
            }
        }
        if (files.Count == 0)
        {
            errors.Add($"{directory}: no panel definitions (*.json) found.");
        }
        PanelRules.CheckAcrossBoards(boards, errors);
        if (errors.Count > 0)
        {
            throw new PanelDefinitionException(errors);
        }
        return new PanelCatalog(boards);
    }
}

/// <summary>Panel definitions that break the schema or a rule; <see cref="Exception.Message"/> lists every problem.</summary>
public sealed class PanelDefinitionException(IReadOnlyList<string> problems)
    : Exception("Invalid panel definitions:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    /// <summary>One line per problem: file, location, rule.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
