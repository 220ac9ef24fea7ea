using Icesco.Insights.Jobs.Alerts;
using Icesco.Insights.Jobs.Commands;
using Icesco.Insights.Jobs.Hosting;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.Jobs.Retention;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;

if (await JobsCommandLine.TryRunAsync(args)) { return; } // `backfill …`, `--help`: a command runs instead of the service

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInsightsClickHouse(builder.Configuration); // Jobs read ClickHouse and write their own results
builder.AddTrends();
builder.AddAlerts();
builder.AddRetention();
builder.AddReports();
builder.AddJobsHosting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapJobsDashboard();

app.Run();
