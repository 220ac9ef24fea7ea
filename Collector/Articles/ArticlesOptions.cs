using System.ComponentModel.DataAnnotations;

namespace Icesco.Insights.Collector.Articles;

/// <summary>The article metadata API and catalogue; section <c>Articles</c>.</summary>
public sealed class ArticlesOptions : IValidatableObject
{
    public const string SectionName = "Articles";

    /// <summary>Keys allowed to write article metadata, stored as SHA-256 hashes only (see docs/collector.md).</summary>
    public IList<ApiKeyHash> ApiKeys { get; set; } = [];

    /// <summary>How often the catalogue reloads the <c>articles</c> table.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most articles in one bulk PUT.</summary>
    [Range(1, 100_000)]
    public int MaxBulk { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var key in ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                yield return new ValidationResult("Articles:ApiKeys: every key needs a Name.", [nameof(ApiKeys)]);
            }
            if (key.Sha256 is not { Length: 64 } || !key.Sha256.All(char.IsAsciiHexDigit))
            {
                yield return new ValidationResult($"Articles:ApiKeys: the key '{key.Name}' needs Sha256 = 64 hex digits (the SHA-256 of the key, never the key).", [nameof(ApiKeys)]);
            }
        }
    }
}

/// <summary>A named API key, known only by its SHA-256.</summary>
public sealed class ApiKeyHash
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";
}
