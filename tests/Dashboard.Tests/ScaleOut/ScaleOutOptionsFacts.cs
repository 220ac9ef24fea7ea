using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Dashboard.ScaleOut;

namespace Icesco.Insights.Dashboard.Tests.ScaleOut;

/// <summary>The scale-out switch: unset is one instance; a set value must be a Redis connection string.</summary>
public sealed class ScaleOutOptionsFacts
{
    private static List<ValidationResult> Validate(ScaleOutOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("redis:6379", true)]
    [InlineData("redis-a:6379,redis-b:6379,password=x", true)]
    public void A_connection_string_turns_scale_out_on(string? redis, bool enabled)
    {
        var options = new ScaleOutOptions { Redis = redis };
        Assert.Equal(enabled, options.Enabled);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("redis:6379,conectTimeout=5000", "conectTimeout")]
    [InlineData("password=only", "names no server")]
    public void A_value_that_is_not_a_redis_connection_string_is_refused_naming_the_setting(string redis, string problem)
    {
        var error = Assert.Single(Validate(new ScaleOutOptions { Redis = redis }));
        Assert.Contains("Dashboard:ScaleOut:Redis", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(problem, error.ErrorMessage, StringComparison.Ordinal);
    }
}
