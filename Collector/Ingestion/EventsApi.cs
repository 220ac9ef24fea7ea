using System.Globalization;
using Icesco.Insights.Collector.Ingestion.Enrichment;
using Icesco.Insights.Collector.Ingestion.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Ingestion;

/// <summary>
/// <c>POST /api/v1/events</c>: the website's one call. CORS and the per-IP rate limit are applied
/// once, on the group; the handler runs the pipeline and hands kept events to the durable log.
/// </summary>
public static partial class EventsApi
{
    public const string DroppedHeader = "X-Insights-Dropped";
    public const string CorsPolicy = "site-origins";
    public const string RateLimitPolicy = "events-per-ip";

    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/events")
            .WithTags("Events")
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimitPolicy);

        group.MapPost("/", PostAsync)
            .WithName("PostEvents")
            .WithSummary("Records page views and satisfaction ratings")
            .WithDescription(
                "The body is one event object or a JSON array of up to 1,000, sent as application/json (optionally gzip) " +
                "or text/plain (navigator.sendBeacon). At most 64 KB for one event and 1 MB for a batch, after decompression. " +
                "Valid events of a batch are kept; invalid ones are listed in `rejected`. Bots, spam referrers and foreign " +
                "sites are answered 202 but not stored, and counted in `dropped` and the X-Insights-Dropped header.")
            .Accepts<EventPayload>("application/json", "text/plain")
            .Produces<EventsAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<IResult> PostAsync(
        HttpContext context,
        EventPipeline pipeline,
        DailySaltStore salts,
        CountryResolver countries,
        DatacenterRanges datacenters,
        [FromServices] IEventSink sink,
        IngestionMetrics metrics,
        IOptions<IngestionOptions> options,
        ILogger<EventPipeline> logger,
        CancellationToken cancellationToken)
    {
        var read = await RequestBodyReader.ReadAsync(context.Request, options.Value, cancellationToken);
        if (!read.Ok)
        {
            return TypedResults.Problem(statusCode: read.Status, title: read.Problem);
        }

        using var document = EventBodyParser.Parse(read.Body, options.Value.MaxBatchEvents, out var bodyError);
        if (document is null)
        {
            metrics.Rejected(bodyError!.Rule);
            return Invalid([bodyError]);
        }

        var facts = new RequestFacts(
            context.Connection.RemoteIpAddress,
            context.Request.Headers.UserAgent.ToString(),
            countries.Resolve(context.Request.Headers, context.Connection.RemoteIpAddress))
        {
            FromDatacenter = datacenters.Contains(context.Connection.RemoteIpAddress),
        };
        var result = pipeline.Process(document.RootElement, facts, await SaltAsync(salts, logger, cancellationToken));
        if (result.IsRejectedWhole)
        {
            return Invalid(result.Violations);
        }

        var stored = 0;
        var duplicates = 0;
        if (result.Kept.Count > 0)
        {
            var outcome = await sink.AcceptAsync(result.Kept, cancellationToken);
            if (outcome.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The Collector is busy; retry later.");
            }
            (stored, duplicates) = (outcome.Stored, outcome.Duplicates);
            metrics.Accepted(stored, duplicates);
        }

        Dictionary<string, int>? dropped = null;
        if (result.Dropped.Count > 0)
        {
            dropped = result.Dropped.OrderBy(d => d.Key).ToDictionary(d => d.Key.Name(), d => d.Value);
            context.Response.Headers[DroppedHeader] = string.Join(", ", dropped.Select(d => $"{d.Key}={d.Value}"));
        }
        return AcceptedResponse.For(stored, duplicates, dropped, Rejected(result.Violations));
    }

    private static async ValueTask<byte[]> SaltAsync(DailySaltStore salts, ILogger logger, CancellationToken cancellationToken)
    {
        // Agreed already (every request but the day's first): no timeout to arm, nothing to await.
        if (salts.TryGetToday(out var today))
        {
            return today;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            return await salts.TodayAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SaltUnavailable(logger, e);
            return salts.LocalFallback();
        }
    }

    private static RejectedEvent[] Rejected(IReadOnlyList<Violation> violations) =>
        violations.Count == 0 ? [] : [.. violations.Select(v => new RejectedEvent(v.Index, v.Field, v.Rule, v.Message))];

    private static ValidationProblem Invalid(IReadOnlyList<Violation> violations)
    {
        var errors = violations
            .GroupBy(v => v.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => $"{v.Rule}: {v.Message}").ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            title: "The events break the rules of the wire format",
            extensions: new Dictionary<string, object?>
            {
                ["violations"] = Rejected(violations),
            });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared visitor salt could not be read; using this process's own salt for now")]
    private static partial void SaltUnavailable(ILogger logger, Exception exception);
}
