using System.Security.Cryptography;
using System.Text;

namespace Icesco.Insights.Launcher;

/// <summary>
/// The key for the Collector's article metadata API on this machine: made on the first run of a data folder,
/// kept in <c>articles-api-key</c> (owner-only) for the demo and for the operator; the Collector is given only
/// its SHA-256, as <c>Articles:ApiKeys</c> expects.
/// </summary>
internal sealed record ArticlesApiKey(string Key, string FilePath)
{
    public const string Name = "launcher";
    private const string FileName = "articles-api-key";

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    public static ArticlesApiKey LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return new(File.ReadAllText(path).Trim(), path);
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, Encoding.ASCII, create))
        {
            writer.WriteLine(key);
        }

        return new(key, path);
    }
}
