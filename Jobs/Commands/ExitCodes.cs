namespace Icesco.Insights.Jobs.Commands;

/// <summary>What a command's exit code means, so scripts and schedulers can tell a typo from an outage.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed (ClickHouse unreachable, a bad setting, a query error); the message says why.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, a bad or missing value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
