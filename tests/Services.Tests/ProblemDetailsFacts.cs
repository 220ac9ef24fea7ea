using System.Net;
using System.Text.Json;

using Icesco.Insights.Collector;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Icesco.Insights.Services.Tests;

public sealed class ProblemDetailsFacts : IDisposable
{
    private readonly WebApplicationFactory<CollectorService> _factory = new CollectorFactory()
        .WithWebHostBuilder(static web => web
            .UseEnvironment("Production")
            .ConfigureServices(static services => services.AddSingleton<IStartupFilter>(new TestEndpoints())));

    [Fact]
    public async Task Unhandled_exception_is_answered_500_with_problem_details_that_do_not_reveal_it()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(TestEndpoints.ThrowPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal(500, body.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(TestEndpoints.SecretMessage, text, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
