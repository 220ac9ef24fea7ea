using System.ComponentModel.DataAnnotations;
using Icesco.Insights.Simulator.Cli;

const string Usage = """
    Usage: simulator <command> [options]

    Commands:
      demo    register the real ICESCO articles, post weeks of history, then optionally a live trickle
      load    the load generator: a fixed event rate, then achieved rate, latency percentiles, errors

    'simulator <command> --help' lists a command's options.
    """;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C ends the run cleanly (the live trickle stops between ticks); a second one kills.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

try
{
    return args switch
    {
        ["demo", .. var rest] => await DemoCommand.RunAsync(new Arguments(rest), stop.Token),
        ["load", .. var rest] => await LoadCommand.RunAsync(new Arguments(rest), stop.Token),
        [] or ["--help" or "-h" or "help", ..] => PrintUsage(0),
        _ => PrintUsage(2),
    };
}
catch (Exception e) when (e is ArgumentException or ValidationException or DirectoryNotFoundException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("stopped");
    return 130;
}

static int PrintUsage(int code)
{
    (code == 0 ? Console.Out : Console.Error).WriteLine(Usage);
    return code;
}
