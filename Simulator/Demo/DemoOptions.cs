using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Simulator.Http;

namespace Icesco.Insights.Simulator.Demo;

/// <summary>What the demo posts: how much history, how it is drawn, and the live trickle after it.</summary>
public sealed class DemoOptions
{
    /// <summary>Weeks of history ending at <see cref="End"/>.</summary>
    [Range(1, 52)]
    public int Weeks { get; set; } = 8;

    /// <summary>Same seed and <see cref="End"/>, same events (ids included, so a replay is counted once).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Average page views per day (about 150,000 over eight weeks by default, plus ~3 % ratings).</summary>
    [Range(1, 10_000_000)]
    public double DailyViews { get; set; } = 2700;

    /// <summary>Distinct simulated browsers. With <see cref="Batch"/>, about one request each: the Collector's default per-IP limit (600 a minute) is not reached.</summary>
    [Range(1, 131_072)]
    public int Visitors { get; set; } = 500;

    /// <summary>Most events in one request (the Collector takes up to 1,000).</summary>
    [Range(1, 1000)]
    public int Batch { get; set; } = 1000;

    /// <summary>Requests in flight at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>End of the history; null means now.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>Events per second after the history, until cancelled; 0 stops after the history.</summary>
    [Range(0, 10_000)]
    public double LiveRate { get; set; }

    /// <summary>Folder with articles.jsonl and member-states.csv; null finds shared/data (see <see cref="Data.DataLocator"/>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The proxy header carrying the visitor's country; the Collector reads it when <c>Ingestion:CountryHeader</c> names it.</summary>
    public string CountryHeader { get; set; } = CollectorClient.DefaultCountryHeader;

    /// <summary>How often a progress line is written.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}

/// <summary>What the Collector made of the demo history, and the window it covers ([<paramref name="From"/>, <paramref name="To"/>), for a trends backfill).</summary>
public sealed record DemoResult(
    int Articles, int Events, int Accepted, int Duplicates, int Dropped, int Rejected, TimeSpan Elapsed, DateTimeOffset From, DateTimeOffset To);
