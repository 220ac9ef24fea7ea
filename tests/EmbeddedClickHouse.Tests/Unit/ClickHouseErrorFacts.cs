using Icesco.Insights.EmbeddedClickHouse.Http;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class ClickHouseErrorFacts
{
    [Theory]
    [InlineData("Code: 60. DB::Exception: Unknown table. (UNKNOWN_TABLE)", 60, 404)]
    [InlineData("Code: 62. DB::Exception: Syntax error. (SYNTAX_ERROR)", 62, 400)]
    [InlineData("Code: 516. DB::Exception: bad password. (AUTHENTICATION_FAILED)", 516, 403)]
    [InlineData("Code: 194. DB::Exception: Password required. (REQUIRED_PASSWORD)", 194, 401)]
    [InlineData("Code: 241. DB::Exception: Memory limit exceeded. (MEMORY_LIMIT_EXCEEDED)", 241, 500)]
    [InlineData("something without a code", 1001, 500)]
    public void The_status_follows_the_engines_error_code(string message, int code, int status)
    {
        var error = ClickHouseError.FromEngine(message);

        Assert.Equal(code, error.Code);
        Assert.Equal(status, error.HttpStatus);
        Assert.StartsWith($"Code: {code}.", error.Message, StringComparison.Ordinal);
    }
}
