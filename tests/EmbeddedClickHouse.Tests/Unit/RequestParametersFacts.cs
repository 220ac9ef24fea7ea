using Icesco.Insights.EmbeddedClickHouse.Http;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class RequestParametersFacts
{
    [Fact]
    public void Url_parameters_are_sorted_into_protocol_query_parameters_and_settings()
    {
        var query = QueryHelpers("?query=SELECT%201&database=db&default_format=RowBinaryWithNamesAndTypes&query_id=q1"
            + "&param_state=MA&max_threads=2&enable_http_compression=true&insert_deduplication_token=abc");

        var parsed = RequestParameters.Parse(query);

        Assert.Equal("SELECT 1", parsed.Query);
        Assert.Equal("db", parsed.Database);
        Assert.Equal("RowBinaryWithNamesAndTypes", parsed.DefaultFormat);
        Assert.Equal("q1", parsed.QueryId);
        Assert.Equal([new("state", "MA")], parsed.Parameters);
        Assert.Equal(["max_threads", "insert_deduplication_token"], parsed.Settings.Select(s => s.Key));
    }

    [Fact]
    public void Defaults_match_a_clickhouse_server()
    {
        var parsed = RequestParameters.Parse(QueryHelpers(string.Empty));

        Assert.Equal("default", parsed.Database);
        Assert.Equal("TabSeparated", parsed.DefaultFormat);
        Assert.False(string.IsNullOrEmpty(parsed.QueryId));
    }

    [Theory]
    [InlineData("?max threads=1")]
    [InlineData("?x%3B%20DROP=1")]
    public void A_setting_name_that_is_not_an_identifier_is_rejected(string query)
    {
        Assert.Throws<ArgumentException>(() => RequestParameters.Parse(QueryHelpers(query)));
    }

    private static QueryCollection QueryHelpers(string query)
        => new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query));
}
