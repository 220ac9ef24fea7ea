using System.Text;
using Icesco.Insights.EmbeddedClickHouse.Http;
using Microsoft.AspNetCore.Http;

namespace Icesco.Insights.EmbeddedClickHouse.Tests.Unit;

public sealed class CredentialsFacts
{
    private static readonly EmbeddedClickHouseOptions Protected = new() { User = "default", Password = "s3cret" };

    [Fact]
    public void Without_a_configured_password_every_request_is_let_through()
    {
        Assert.Null(Credentials.Check(Request(), new EmbeddedClickHouseOptions()));
    }

    [Fact]
    public void A_request_without_credentials_needs_a_password()
    {
        Assert.Equal(194, Credentials.Check(Request(), Protected)?.Code);
    }

    [Theory]
    [InlineData("basic", "default", "s3cret", true)]
    [InlineData("basic", "default", "wrong", false)]
    [InlineData("basic", "other", "s3cret", false)]
    [InlineData("headers", "default", "s3cret", true)]
    [InlineData("headers", "default", "nope", false)]
    [InlineData("query", "default", "s3cret", true)]
    [InlineData("query", "default", "nope", false)]
    public void Credentials_are_read_every_way_clickhouse_accepts_them(string way, string user, string password, bool accepted)
    {
        var request = Request();
        switch (way)
        {
            case "basic":
                request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
                break;
            case "headers":
                request.Headers["X-ClickHouse-User"] = user;
                request.Headers["X-ClickHouse-Key"] = password;
                break;
            default:
                request.QueryString = new QueryString($"?user={user}&password={password}");
                break;
        }

        var error = Credentials.Check(request, Protected);

        Assert.Equal(accepted, error is null);
        if (!accepted)
        {
            Assert.Equal(516, error!.Code);
        }
    }

    private static HttpRequest Request() => new DefaultHttpContext().Request;
}
