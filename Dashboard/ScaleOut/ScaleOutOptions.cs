using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using StackExchange.Redis;

namespace Icesco.Insights.Dashboard.ScaleOut;

/// <summary>Several Dashboard instances behind one load balancer; section <c>Dashboard:ScaleOut</c>.</summary>
public sealed class ScaleOutOptions : IValidatableObject
{
    public const string SectionName = "Dashboard:ScaleOut";

    /// <summary>
    /// The Redis the instances share, as a StackExchange.Redis connection string (<c>redis:6379</c>); empty: this
    /// instance stands alone.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Whether this instance shares its SignalR messages and data-protection keys (<see cref="Redis"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Redis))]
    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problem = Enabled ? Problem(Redis) : null;
        if (problem is not null)
        {
            yield return new ValidationResult($"Dashboard:ScaleOut:Redis is not a Redis connection string: {problem}", [nameof(Redis)]);
        }
    }

    private static string? Problem(string redis)
    {
        try
        {
            return ConfigurationOptions.Parse(redis).EndPoints.Count == 0 ? "it names no server." : null;
        }
        catch (ArgumentException e)
        {
            return e.Message; // names the keyword at fault, e.g. "Keyword 'conectTimeout' is not supported."
        }
    }
}
