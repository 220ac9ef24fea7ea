using Icesco.Insights.Jobs.Hosting;
using Icesco.Insights.Jobs.Trends;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddInsightsClickHouse(builder.Configuration); // Jobs read ClickHouse and write their own results
builder.AddTrends();
builder.AddJobsHosting();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapJobsDashboard();

app.Run();
