namespace Icesco.Insights.Jobs.Alerts;

/// <summary>
/// Decides which found alerts are raised: never a second record for the same subject and period (so re-running
/// the evaluation adds nothing), and at most one per subject within the quiet period. Pure: the caller gives the time.
/// </summary>
public static class AlertGate
{
    /// <summary>
    /// The <paramref name="candidates"/> to raise, taken in the order given (earlier ones win a subject's quiet period).
    /// <paramref name="existing"/> must hold every record of the evaluated periods and every record raised within the quiet period.
    /// </summary>
    public static IReadOnlyList<Alert> Admit(IEnumerable<Alert> candidates, IReadOnlyCollection<AlertRecord> existing, DateTimeOffset now, TimeSpan quietPeriod)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(existing);
        var recorded = existing.Select(r => r.Alert.Key).ToHashSet();
        var quietUntil = existing
            .GroupBy(r => r.Alert.Subject)
            .ToDictionary(g => g.Key, g => g.Max(r => r.RaisedAt) + quietPeriod);

        var admitted = new List<Alert>();
        foreach (var candidate in candidates)
        {
            if (recorded.Contains(candidate.Key)
                || (quietUntil.TryGetValue(candidate.Subject, out var until) && now < until))
            {
                continue;
            }
            admitted.Add(candidate);
            recorded.Add(candidate.Key);
            quietUntil[candidate.Subject] = now + quietPeriod;
        }
        return admitted;
    }

    /// <summary>
    /// Recorded alerts still to be e-mailed: not e-mailed yet and raised within the quiet period. Older ones stay
    /// unmailed (they are on the Dashboard): by then a newer alert about the subject may already have been sent.
    /// </summary>
    public static IReadOnlyList<AlertRecord> Unmailed(IEnumerable<AlertRecord> existing, DateTimeOffset now, TimeSpan quietPeriod) =>
        [.. existing.Where(r => !r.Emailed && r.RaisedAt > now - quietPeriod)];
}
