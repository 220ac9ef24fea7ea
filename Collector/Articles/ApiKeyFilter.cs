using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Icesco.Insights.Collector.Articles;

/// <summary>
/// Lets a request through only with an <c>X-Api-Key</c> whose SHA-256 is configured: 401 without a
/// key, 403 with a wrong one. Keys are compared by hash in constant time; the key itself is never kept.
/// </summary>
public sealed partial class ApiKeyFilter(IOptionsMonitor<ArticlesOptions> options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                detail: $"Send the key in the {HeaderName} header.");
        }

        var name = Match(presented, options.CurrentValue.ApiKeys);
        if (name is null)
        {
            KeyRejected(logger);
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "API key not accepted");
        }
        context.HttpContext.Items[HeaderName] = name;
        return await next(context);
    }

    /// <summary>The name of the configured key whose hash is the presented key's, or null.</summary>
    public static string? Match(string presented, IEnumerable<ApiKeyHash> keys)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        foreach (var key in keys)
        {
            // Every key is compared (no early exit) so timing says nothing about which one nearly matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(key.Sha256)))
            {
                found ??= key.Name;
            }
        }
        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An article API request presented an unknown API key")]
    private static partial void KeyRejected(ILogger logger);
}
