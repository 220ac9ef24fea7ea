namespace Icesco.Insights.Jobs.Alerts;

/// <summary>What one evaluation did: the alerts it raised and how many alerts it e-mailed (new ones and earlier unsent ones).</summary>
public sealed record AlertRun(IReadOnlyList<AlertRecord> Raised, int Emailed);
