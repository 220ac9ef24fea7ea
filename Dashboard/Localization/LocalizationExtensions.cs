using Microsoft.AspNetCore.Localization;

namespace Icesco.Insights.Dashboard.Localization;

/// <summary>
/// The page language: <c>?lang=</c> (and it is remembered in the <c>lang</c> cookie), else the cookie, else the
/// browser's Accept-Language, else English. The culture is set before the pages run, so a page arrives with its
/// <c>lang</c> and <c>dir</c> already right.
/// </summary>
public static class LocalizationExtensions
{
    public const string QueryKey = "lang";
    public const string CookieName = "lang";

    public static IServiceCollection AddDashboardLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = DashboardLanguage.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(DashboardLanguage.English.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult(Choose(context)))];
        });

    public static IApplicationBuilder UseDashboardLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            if (DashboardLanguage.Find(context.Request.Query[QueryKey]) is { } asked && context.Request.Cookies[CookieName] != asked.Code)
            {
                context.Response.Cookies.Append(CookieName, asked.Code, new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                });
            }
            return next(context);
        });
    }

    private static ProviderCultureResult? Choose(HttpContext context)
    {
        var language = DashboardLanguage.Find(context.Request.Query[QueryKey])
            ?? DashboardLanguage.Find(context.Request.Cookies[CookieName])
            ?? FromAcceptLanguage(context.Request);
        return language is null ? null : new ProviderCultureResult(language.Culture.Name);
    }

    // "ar-EG,ar;q=0.9,en;q=0.8" → Arabic: the first language we speak, by quality, whatever its region.
    private static DashboardLanguage? FromAcceptLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => DashboardLanguage.Find(l.Value.Value?.Split('-')[0]))
            .FirstOrDefault(l => l is not null);
}
