using System.Security.Cryptography;
using System.Text;

namespace Icesco.Insights.Launcher.Tests;

/// <summary>The launcher's own pure parts: its command line and the article API key it keeps in the data folder.</summary>
public sealed class LaunchSettingsFacts : IDisposable
{
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("icesco-settings-");

    [Fact]
    public void Every_port_has_its_default_and_can_be_set_and_demo_is_a_flag()
    {
        var defaults = LaunchOptions.Parse([]);
        Assert.Equal((8123, 5080, 5082, 5081, false), (defaults.ClickHousePort, defaults.CollectorPort, defaults.JobsPort, defaults.DashboardPort, defaults.Demo));

        var set = LaunchOptions.Parse(["--jobs-port", "6002", "--demo", "--dashboard-port", "0", "--data", data.FullName]);
        Assert.Equal((6002, 0, true, data.FullName), (set.JobsPort, set.DashboardPort, set.Demo, set.DataDirectory));
    }

    [Fact]
    public void A_port_out_of_range_or_a_missing_value_is_named()
    {
        Assert.Contains("--dashboard-port", Assert.Throws<ArgumentException>(() => LaunchOptions.Parse(["--dashboard-port", "70000"])).Message, StringComparison.Ordinal);
        Assert.Contains("--jobs-port", Assert.Throws<ArgumentException>(() => LaunchOptions.Parse(["--jobs-port"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_articles_api_key_is_made_once_kept_owner_only_and_given_to_the_collector_as_its_sha256()
    {
        var first = ArticlesApiKey.LoadOrCreate(data.FullName);
        var again = ArticlesApiKey.LoadOrCreate(data.FullName);

        Assert.Equal(first.Key, again.Key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.FilePath));
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.Key))), first.Sha256);
        Assert.Equal(64, first.Sha256.Length);
    }

    public void Dispose() => data.Delete(recursive: true);
}
