namespace Icesco.Insights.Simulator.Data;

/// <summary>
/// Finds the folder holding <c>articles.jsonl</c>: an explicit path, else the copy the build puts in the
/// output (<c>data/</c>, from <c>Simulator/Data/icesco/</c>), else the first <c>shared/data</c> found walking
/// up from the current directory and from the application's directory.
/// </summary>
public static class DataLocator
{
    public const string ArticlesFile = "articles.jsonl";

    public static DirectoryInfo Find(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var given = new DirectoryInfo(explicitPath);
            return Holds(given) ? given
                : throw new DirectoryNotFoundException($"--data {explicitPath}: no {ArticlesFile} there.");
        }
        var output = new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, "data"));
        if (Holds(output))
        {
            return output;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = new DirectoryInfo(Path.Combine(dir.FullName, "shared", "data"));
                if (Holds(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"No shared/data/{ArticlesFile} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; pass --data <folder>.");
    }

    private static bool Holds(DirectoryInfo directory) => File.Exists(Path.Combine(directory.FullName, ArticlesFile));
}
