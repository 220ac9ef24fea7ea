using Icesco.Insights.Dashboard;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Dashboard.Explore;
using Icesco.Insights.Dashboard.Live;
using Icesco.Insights.Dashboard.Localization;
using Icesco.Insights.Dashboard.Panels;
using Icesco.Insights.Dashboard.Reports;
using Icesco.Insights.Dashboard.ScaleOut;
using Icesco.Insights.Dashboard.Trends;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInsightsClickHouse(builder.Configuration);
builder.Services.AddRazorPages();
builder.Services.AddDashboardLocalization();
builder.AddApiDocument();
builder.AddDashboardAuth();
builder.AddLive();
builder.AddTrends();
builder.AddExplore();
builder.AddReports();
builder.AddDashboardPanels();
builder.AddScaleOut();

var app = builder.Build();
app.UseStaticFiles(); // before authentication: the sign-in page's styles and scripts are public
app.UseDashboardLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiDocument();
app.MapRazorPages();
app.MapLive();
app.MapTrendsApi();
app.MapExploreApi();
app.MapReportsApi();
app.MapPanelsApi();

app.Run();
