using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Simulator.Http;

namespace Icesco.Insights.Simulator.Load;

/// <summary>An open-loop load: batches started on a fixed schedule, whether or not earlier ones have answered.</summary>
public sealed class LoadOptions
{
    /// <summary>Target events per second.</summary>
    [Range(0.1, 10_000_000)]
    public double Rate { get; set; } = 1000;

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events per request.</summary>
    [Range(1, 1000)]
    public int Batch { get; set; } = 100;

    /// <summary>Most requests in flight; a request due while all are busy is counted as skipped (the client, not the server, is then the limit).</summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 64;

    /// <summary>Distinct simulated browsers (requests rotate among them).</summary>
    [Range(1, 131_072)]
    public int Visitors { get; set; } = 5000;

    public int Seed { get; set; } = 1;

    public string? DataDirectory { get; set; }

    public string CountryHeader { get; set; } = CollectorClient.DefaultCountryHeader;

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (Duration <= TimeSpan.Zero)
        {
            throw new ValidationException("--duration must be positive.");
        }
    }
}
