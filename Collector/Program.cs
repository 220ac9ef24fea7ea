using Icesco.Insights.Collector.Articles;
using Icesco.Insights.Collector.DurableLog;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Collector.Snippet;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.Migrations;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSchemaMigrations(builder.Configuration); // the Collector owns the schema
builder.AddDurableLog();
builder.AddIngestion();
builder.AddArticles();
builder.AddSnippet();

var app = builder.Build();
app.UseIngestionSecurity();
app.MapDefaultEndpoints();
app.MapIngestionApi();
app.MapArticlesApi();
app.MapSnippet();

app.Run();
