using System.Diagnostics;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>Waits for eventual consistency by asking again until a deadline, never by sleeping a fixed time.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > deadline)
            {
                Assert.Fail($"not within {deadline}: {failure()}");
            }

            await Task.Delay(100);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, Func<string> failure)
        => UntilAsync(() => Task.FromResult(condition()), deadline, failure);
}
