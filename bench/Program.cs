using Icesco.Insights.Bench;

return args.FirstOrDefault() switch
{
    "soak" => await SoakBenchmark.RunAsync(args),
    "collector-soak" => await CollectorSoakBenchmark.RunAsync(args),
    "hello" => await HelloWorldServer.RunAsync(args),
    "insert-limit" => await InsertLimitBenchmark.RunAsync(args),
    "trends" => await TrendsBenchmark.RunAsync(args),
    "explore" => await ExploreBenchmark.RunAsync(args),
    "report" => await ReportBenchmark.RunAsync(args),
    "live" => await LiveBenchmark.RunAsync(args),
    "storage" => await StorageBenchmark.RunAsync(args),
    _ => await EndpointBenchmark.RunAsync(args),
};
