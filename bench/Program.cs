using Icesco.Insights.Bench;

return await EndpointBenchmark.RunAsync(args);
