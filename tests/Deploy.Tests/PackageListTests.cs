using System.Diagnostics;
using System.Text.RegularExpressions;
using Icesco.Insights.Jobs.Reports;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>
/// scripts/packages.txt is the one list of Debian packages: ./run.sh, ./test.sh and every Dockerfile install from it,
/// and what a service checks for at start is on it for that service (decision 0017).
/// </summary>
public sealed partial class PackageListTests
{
    [Fact]
    public void The_list_has_every_package_the_Jobs_check_for_at_start()
    {
        var jobs = PackagesFor("jobs");
        Assert.NotEmpty(ReportFontsValidation.Packages);
        Assert.All(ReportFontsValidation.Packages, package => Assert.Contains(package, jobs));
    }

    [Fact]
    public void The_run_command_installs_the_roles_of_every_service_and_the_build()
    {
        var roles = BootstrapRoles("run.sh");
        Assert.Equal(["build", "collector", "dashboard", "jobs"], roles.Order(StringComparer.Ordinal));
        Assert.Contains("fonts-noto-core", PackagesFor([.. roles]));
    }

    [Fact]
    public void The_test_command_installs_what_the_run_command_does_and_the_tests_own_packages()
    {
        var run = BootstrapRoles("run.sh");
        var test = BootstrapRoles("test.sh");
        Assert.Superset(run.ToHashSet(), test.ToHashSet());
        Assert.Contains("test", test);
        Assert.Superset(new HashSet<string> { "chromium", "redis-server", "poppler-utils" }, PackagesFor([.. test]).ToHashSet());
    }

    [Theory]
    [InlineData("Collector", "collector")]
    [InlineData("Jobs", "jobs")]
    [InlineData("Dashboard", "dashboard")]
    public void Each_runtime_image_installs_its_service_s_packages_from_the_list_and_none_besides(string service, string role)
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, service, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var runtime = dockerfile[dockerfile.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)..];
        Assert.Contains("COPY scripts/packages.txt scripts/packages-for /tmp/packages/", runtime, StringComparison.Ordinal);
        var installs = AptInstall().Matches(runtime).Select(m => m.Groups["packages"].Value.Trim()).ToList();
        Assert.Equal([$"$(/tmp/packages/packages-for {role} image)"], installs);
    }

    [Fact]
    public void The_Dashboard_build_stage_installs_the_build_role_from_the_list()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dashboard", "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        var build = dockerfile[..dockerfile.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)];
        Assert.Equal(["$(/tmp/packages/packages-for build)"], AptInstall().Matches(build).Select(m => m.Groups["packages"].Value.Trim()));
        Assert.Equal(["nodejs", "npm"], PackagesFor("build"));
    }

    [Fact]
    public void Every_line_of_the_list_names_known_roles()
    {
        string[] known = ["collector", "jobs", "dashboard", "build", "image", "test", "bench", "fuzz"];
        var entries = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "scripts", "packages.txt"))
            .Select(l => l.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 0)
            .ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, fields =>
        {
            Assert.Equal(2, fields.Length);
            Assert.All(fields[1].Split(','), role => Assert.Contains(role, known));
        });
    }

    /// <summary>The roles a script passes to scripts/bootstrap.sh.</summary>
    private static string[] BootstrapRoles(string script)
    {
        var line = Assert.Single(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, script)), l => l.StartsWith("scripts/bootstrap.sh ", StringComparison.Ordinal));
        return line["scripts/bootstrap.sh ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>What scripts/packages-for prints for the roles: the script itself, as the Dockerfiles run it.</summary>
    private static List<string> PackagesFor(params string[] roles)
    {
        var start = new ProcessStartInfo("sh", [Path.Combine(RepositoryRoot.Path, "scripts", "packages-for"), .. roles])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"packages-for {string.Join(' ', roles)} exited {process.ExitCode}: {error}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    [GeneratedRegex(@"apt-get install -y --no-install-recommends (?<packages>[^&\n]+)")]
    private static partial Regex AptInstall();
}
