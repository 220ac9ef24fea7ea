namespace Icesco.Insights.Dashboard.Live;

/// <summary>
/// Refuses hub requests (negotiate, WebSocket upgrade, long polling) whose <c>Origin</c> is another
/// site's. A browser sends the staff member's cookie with a WebSocket handshake from any page, and
/// CORS does not apply to WebSockets: without this, a foreign page could open the live feed as them
/// (cross-site WebSocket hijacking). Same-origin requests, origins listed in
/// <c>Dashboard:Live:AllowedOrigins</c>, and clients that send no <c>Origin</c> (not browsers) pass.
/// </summary>
internal sealed class HubOriginGuard(IReadOnlyCollection<string> allowedOrigins)
{
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var self = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(uri.GetLeftPart(UriPartial.Authority), self, StringComparison.OrdinalIgnoreCase)
            || allowedOrigins.Contains(uri.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);
    }

    public static void Use(WebApplication app, IReadOnlyCollection<string> allowedOrigins)
    {
        var guard = new HubOriginGuard(allowedOrigins);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(EngagementHub.Path), hub => hub.Use(async (context, next) =>
        {
            if (!guard.Allows(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This origin may not connect to the live feed.", context.RequestAborted);
                return;
            }
            await next(context);
        }));
    }
}
