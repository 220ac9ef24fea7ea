using Icesco.Insights.Launcher;

return await LauncherCommand.RunAsync(args);
