using System.Reflection;
using System.Text.RegularExpressions;
using Icesco.Insights.Collector.Ingestion;
using Icesco.Insights.Dashboard.Auth;
using Icesco.Insights.Jobs.Hosting;
using Icesco.Insights.Panels;
using Icesco.Insights.ServiceDefaults;
using Icesco.Insights.Storage.ClickHouse;
using Icesco.Insights.TestSupport;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>
/// docker-compose.yml parsed and checked: there is no Docker engine on the development machines, so it is never
/// run here; these tests hold what running it depends on.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly string[] AppServices = ["collector", "jobs", "dashboard"];

    private static readonly ComposeFile Compose = ComposeFile.Default;

    private static readonly Assembly[] Shared = [typeof(ClickHouseOptions).Assembly, typeof(ReverseProxyOptions).Assembly];

    /// <summary>Each service of the file built from this repository, and the assemblies whose options it reads.</summary>
    private static readonly Dictionary<string, Assembly[]> ServiceAssemblies = new(StringComparer.Ordinal)
    {
        ["collector"] = [.. Shared, typeof(IngestionOptions).Assembly],
        ["jobs"] = [.. Shared, typeof(JobsOptions).Assembly, typeof(PanelsOptions).Assembly],
        ["migrate"] = [.. Shared, typeof(JobsOptions).Assembly, typeof(PanelsOptions).Assembly],
        ["dashboard"] = [.. Shared, typeof(DashboardOptions).Assembly, typeof(PanelsOptions).Assembly],
    };

    [Fact]
    public void It_has_the_infrastructure_the_migration_and_the_three_services()
    {
        var names = Compose.Services.Keys.Cast<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["clickhouse", "collector", "dashboard", "jobs", "migrate", "redis"], names);
        Assert.Equal("clickhouse/clickhouse-server:25.8", Compose.Service("clickhouse")["image"]);
        Assert.Equal("redis:7.4-alpine", Compose.Service("redis")["image"]);
    }

    [Fact]
    public void The_migration_runs_once_on_a_healthy_clickhouse_and_the_services_wait_for_it()
    {
        var migrate = Compose.Service("migrate");
        Assert.Equal(["migrate"], ((List<object>)migrate["command"]).Cast<string>());
        Assert.Equal("no", migrate["restart"]);
        Assert.Equal("Jobs/Dockerfile", ComposeFile.Map(migrate, "build")["dockerfile"]);
        Assert.Equal("service_healthy", Condition(migrate, "clickhouse"));
        // The migration applies the schema; so it must not be switched off for it.
        Assert.DoesNotContain("ClickHouse__Migrations__ApplyOnStart", ComposeFile.Environment(migrate).Keys);

        foreach (var name in AppServices)
        {
            var service = Compose.Service(name);
            Assert.Equal("service_completed_successfully", Condition(service, "migrate"));
            Assert.Equal("service_healthy", Condition(service, "clickhouse"));
            // One owner of the schema: the services only check it.
            Assert.Equal("false", ComposeFile.Environment(service)["ClickHouse__Migrations__ApplyOnStart"]);
        }
        Assert.Equal("service_healthy", Condition(Compose.Service("jobs"), "redis"));
    }

    [Fact]
    public void Every_long_running_service_has_a_health_check()
    {
        foreach (var (name, value) in Compose.Services)
        {
            var service = (Dictionary<object, object>)value;
            if (Equals(service.GetValueOrDefault("restart"), "no"))
            {
                continue; // the one-shot migration
            }
            Assert.True(service.TryGetValue("healthcheck", out var check) && check is Dictionary<object, object>, $"{name} has no healthcheck");
            var test = string.Join(' ', ((List<object>)((Dictionary<object, object>)check!)["test"]).Cast<string>());
            if (AppServices.Contains((string)name))
            {
                Assert.Contains("http://127.0.0.1:8080/health", test, StringComparison.Ordinal);
            }
        }
        Assert.Contains("/ping", Test("clickhouse"), StringComparison.Ordinal);
        Assert.Contains("redis-cli ping", Test("redis"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_lives_in_named_volumes_where_the_services_are_told_to_write_it()
    {
        var declared = ComposeFile.Map(Compose.Root, "volumes").Keys.Cast<string>().ToHashSet(StringComparer.Ordinal);
        AssertVolume("clickhouse", "/var/lib/clickhouse");
        AssertVolume("collector", ComposeFile.Environment(Compose.Service("collector"))["DurableLog__Directory"]);
        AssertVolume("jobs", ComposeFile.Environment(Compose.Service("jobs"))["Reports__Directory"]);
        AssertVolume("dashboard", ComposeFile.Environment(Compose.Service("dashboard"))["Dashboard__DataDirectory"]);

        void AssertVolume(string service, string target)
        {
            var mounts = Volumes(service);
            Assert.True(mounts.TryGetValue(target, out var source), $"{service} mounts nothing at {target} ({string.Join(", ", mounts.Keys)})");
            Assert.Contains(source, declared);
        }
    }

    [Fact]
    public void The_clickhouse_config_caps_memory_and_keeps_a_dedup_window()
    {
        var mounts = Volumes("clickhouse");
        Assert.Contains(mounts, m => m.Key.StartsWith("/etc/clickhouse-server/config.d/", StringComparison.Ordinal));
        Assert.Contains(mounts, m => m.Key.StartsWith("/etc/clickhouse-server/users.d/", StringComparison.Ordinal));
        foreach (var (target, source) in mounts.Where(m => m.Key.StartsWith("/etc/", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, source)), $"{source} (mounted at {target}) does not exist");
            _ = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, source)); // well-formed
        }
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy/clickhouse/config.d/memory.xml"));
        Assert.Matches(@"<max_server_memory_usage_to_ram_ratio>0\.\d+</max_server_memory_usage_to_ram_ratio>", config);
        Assert.Matches(@"<non_replicated_deduplication_window>[1-9]\d*</non_replicated_deduplication_window>", config);
    }

    [Fact]
    public void Every_image_is_pinned()
    {
        foreach (var (name, value) in Compose.Services)
        {
            var image = (string)((Dictionary<object, object>)value)["image"];
            var last = image[(image.LastIndexOf('/') + 1)..];
            var colon = last.IndexOf(':', StringComparison.Ordinal);
            var tag = colon < 0 ? null : last[(colon + 1)..];
            Assert.False(tag is null or "" or "latest", $"{name}: image {image} is not pinned to a tag");
        }
    }

    [Fact]
    public void Every_variable_set_for_a_service_is_a_key_it_reads()
    {
        var unknown = new List<string>();
        foreach (var (service, assemblies) in ServiceAssemblies)
        {
            var known = KnownSettings.For(assemblies);
            unknown.AddRange(ComposeFile.Environment(Compose.Service(service)).Keys.Where(k => !known.Reads(k)).Select(k => $"{service}: {k}"));
        }
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_known_keys_are_derived_from_the_options_classes()
    {
        var collector = KnownSettings.For(ServiceAssemblies["collector"]);
        Assert.Contains("Ingestion__RateLimit__PermitLimit", collector.Keys);
        Assert.Contains("Articles__ApiKeys__{N}__Sha256", collector.Keys);
        Assert.Contains("ClickHouse__Migrations__ApplyOnStart", collector.Keys);
        Assert.Contains("ForwardedHeaders__TrustedProxies__{N}", collector.Keys);
        Assert.True(collector.Reads("Ingestion__Sites__3"));
        Assert.False(collector.Reads("Ingestion__Sites__x"));
        Assert.False(collector.Reads("Ingestion__NoSuchKey"));
        Assert.False(collector.Reads("Reports__Directory")); // a Jobs key
        var jobs = KnownSettings.For(ServiceAssemblies["jobs"]);
        Assert.True(jobs.Reads("Jobs__Schedules__trends-hourly"));
        Assert.True(jobs.Reads("Kestrel__Endpoints__Http__Url"));
        Assert.False(jobs.Reads("Jobs__RedisConection"));
    }

    [Fact]
    public void The_file_holds_no_secret_only_references_to_the_environment()
    {
        var secret = SecretName();
        foreach (var (name, value) in Compose.Services)
        {
            foreach (var (key, setting) in ComposeFile.Environment((Dictionary<object, object>)value))
            {
                if (secret.IsMatch(key[(key.LastIndexOf("__", StringComparison.Ordinal) + 1)..]))
                {
                    Assert.True(WholeReference().IsMatch(setting), $"{name}: {key} is not a ${{VAR}} without a default: '{setting}'");
                }
            }
        }
        foreach (Match match in PasswordInValue().Matches(Compose.Text))
        {
            Assert.StartsWith("${", match.Groups[1].Value, StringComparison.Ordinal);
            Assert.DoesNotContain(":-", match.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_env_example_documents_every_variable_the_file_uses()
    {
        var example = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".env.example"));
        var documented = example.Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim()).ToHashSet(StringComparer.Ordinal);
        var used = Compose.InterpolatedVariables();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(used).Order(StringComparer.Ordinal)); // nothing documented that does nothing
        Assert.Contains("CLICKHOUSE_PASSWORD", Compose.RequiredVariables());
        // The example ships no secret: a required value is left empty.
        foreach (var required in Compose.RequiredVariables())
        {
            Assert.Contains($"{required}=", example);
        }
    }

    private static string Condition(Dictionary<object, object> service, string dependency)
        => (string)ComposeFile.Map(ComposeFile.Map(service, "depends_on"), dependency)["condition"];

    private static string Test(string service)
        => string.Join(' ', ((List<object>)ComposeFile.Map(Compose.Service(service), "healthcheck")["test"]).Cast<string>());

    /// <summary>A service's mounts, target to source (short syntax <c>source:target[:mode]</c>).</summary>
    private static Dictionary<string, string> Volumes(string service)
        => ((List<object>)Compose.Service(service)["volumes"]).Cast<string>()
            .Select(v => v.Split(':'))
            .ToDictionary(p => p[1], p => p[0].StartsWith("./", StringComparison.Ordinal) ? p[0][2..] : p[0], StringComparer.Ordinal);

    [GeneratedRegex("password|secret|token|sha256|apikey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(:\?[^}]*|:-)?\}$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"Password=([^;""\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInValue();
}
