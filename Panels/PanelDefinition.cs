namespace Icesco.Insights.Panels;

/// <summary>The same text in the three working languages.</summary>
public sealed record LocalizedText(string Ar, string En, string Fr)
{
    /// <summary>The text in <paramref name="language"/> (<c>ar</c>, <c>en</c>, <c>fr</c>); English for anything else.</summary>
    public string In(string language) => language switch
    {
        "ar" => Ar,
        "fr" => Fr,
        _ => En,
    };
}

/// <summary>What a panel reads: a query the services implement by name, or one SELECT with <c>{name:Type}</c> parameters.</summary>
public sealed record PanelQuery(string? Named, string? Sql);

/// <summary>How a panel is drawn; the column names refer to <see cref="PanelDefinition.Columns"/>.</summary>
public sealed record PanelChart(string Kind, string? X, IReadOnlyList<string>? Y, string? Series, string? Low, string? High);

/// <summary>One column of a panel's result and how its values are shown.</summary>
public sealed record PanelColumn(string Name, string Format, LocalizedText? Title);

/// <summary>One panel of a board, as written in <c>dashboards/*.json</c> (format: <c>dashboards/panels.schema.json</c>).</summary>
public sealed record PanelDefinition(
    string Id,
    LocalizedText Title,
    LocalizedText? Description,
    PanelQuery Query,
    PanelChart Chart,
    IReadOnlyList<PanelColumn> Columns,
    bool Report,
    int Order)
{
    /// <summary>The column called <paramref name="name"/>, or null.</summary>
    public PanelColumn? Column(string? name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>A board (a page of the Dashboard, or the weekly report) and its panels in order.</summary>
public sealed record PanelBoard(string Board, LocalizedText Title, IReadOnlyList<PanelDefinition> Panels, string File);
