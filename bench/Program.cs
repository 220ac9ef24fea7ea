using Icesco.Insights.Bench;

return args.FirstOrDefault() == "soak"
    ? await SoakBenchmark.RunAsync(args)
    : await EndpointBenchmark.RunAsync(args);
