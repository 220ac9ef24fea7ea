namespace Icesco.Insights.Simulator.Cli;

/// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.Out.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {value}");
}
