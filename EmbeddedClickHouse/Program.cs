using Icesco.Insights.EmbeddedClickHouse;

return await EmbeddedClickHouseCommand.RunAsync(args).ConfigureAwait(false);
