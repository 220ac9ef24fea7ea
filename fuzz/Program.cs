using Icesco.Insights.Fuzz;
using Icesco.Insights.Fuzz.Targets;

// fuzz <target>                   under afl-fuzz (fuzz/run.sh): the fork server loop over the target
// replay <target> <file|dir>...   each input once; lists those the target failed on, exits 1 if any
// seed <corpus dir>               writes the corpora derived from the event and INSERT seeds (decompression)
// http-bodies <url> <pid> <count> <corpus dir>   mutated bodies against a running Collector (fuzz/http-bodies.sh)
return args.FirstOrDefault() switch
{
    "fuzz" when args.Length == 2 && FuzzTargets.All.TryGetValue(args[1], out var target) => Commands.Fuzz(target),
    "replay" when args.Length >= 3 && FuzzTargets.All.TryGetValue(args[1], out var target) => Commands.Replay(target, args[2..]),
    "seed" when args.Length == 2 => Commands.Seed(args[1]),
    "http-bodies" when args.Length == 5 => await HttpBodies.RunAsync(new Uri(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4]),
    _ => Commands.Usage(),
};
