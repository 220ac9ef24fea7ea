using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Icesco.Insights.Dashboard.Localization;

/// <summary>Links of the language switch: the same page and query, in another language.</summary>
public static class LanguageSwitch
{
    public static string UrlFor(HttpRequest request, DashboardLanguage language)
    {
        var query = new QueryBuilder(QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, LocalizationExtensions.QueryKey, StringComparison.OrdinalIgnoreCase)))
        {
            { LocalizationExtensions.QueryKey, language.Code },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
