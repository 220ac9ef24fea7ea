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
/// docker-compose.yml parsed and checked, and the rules docker-compose.cluster.yml keeps too (the theories): there
/// is no Docker engine on the development machines, so neither is run here; these tests hold what running them
/// depends on. What only the cluster file has: <see cref="ClusterComposeTests"/>.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Default;

    private static readonly Assembly[] Shared = [typeof(ClickHouseOptions).Assembly, typeof(ReverseProxyOptions).Assembly];

    /// <summary>Each service of the files built from this repository, and the assemblies whose options it reads.</summary>
    private static readonly Dictionary<string, Assembly[]> ServiceAssemblies = new(StringComparer.Ordinal)
    {
        ["collector"] = [.. Shared, typeof(IngestionOptions).Assembly],
        ["jobs"] = [.. Shared, typeof(JobsOptions).Assembly, typeof(PanelsOptions).Assembly],
        ["migrate"] = [.. Shared, typeof(JobsOptions).Assembly, typeof(PanelsOptions).Assembly],
        ["dashboard"] = [.. Shared, typeof(DashboardOptions).Assembly, typeof(PanelsOptions).Assembly],
    };

    public static TheoryData<string> Files => new() { ComposeFile.DefaultName, ComposeFile.ClusterName };

    [Fact]
    public void It_has_the_infrastructure_the_migration_and_the_three_services()
    {
        var names = Compose.ServiceNames.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["clickhouse", "collector", "dashboard", "jobs", "migrate", "redis"], names);
        Assert.Equal("clickhouse/clickhouse-server:25.8", Compose.Image("clickhouse"));
        Assert.Equal("redis:7.4-alpine", Compose.Image("redis"));
    }

    [Fact]
    public void The_migration_runs_once_on_a_healthy_clickhouse_and_the_services_wait_for_it()
    {
        var migrate = Compose.Service("migrate");
        Assert.Equal(["migrate"], ((List<object>)migrate["command"]).Cast<string>());
        Assert.Equal("no", migrate["restart"]);
        Assert.Equal("Jobs/Dockerfile", ComposeFile.Map(migrate, "build")["dockerfile"]);
        Assert.Equal("service_healthy", Compose.Condition("migrate", "clickhouse"));
        // The migration applies the schema; so it must not be switched off for it.
        Assert.DoesNotContain("ClickHouse__Migrations__ApplyOnStart", Compose.Environment("migrate").Keys);

        foreach (var name in ComposeFile.AppServices)
        {
            Assert.Equal("service_completed_successfully", Compose.Condition(name, "migrate"));
            Assert.Equal("service_healthy", Compose.Condition(name, "clickhouse"));
            // One owner of the schema: the services only check it.
            Assert.Equal("false", Compose.Environment(name)["ClickHouse__Migrations__ApplyOnStart"]);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_long_running_service_has_a_health_check(string file)
    {
        var compose = ComposeFile.Named(file);
        foreach (var name in compose.ServiceNames)
        {
            if (Equals(compose.Service(name).GetValueOrDefault("restart"), "no"))
            {
                continue; // the one-shot migration
            }
            var test = compose.HealthCheck(name);
            Assert.True(test is not null, $"{name} has no healthcheck");
            if (ComposeFile.AppServices.Contains(name))
            {
                Assert.Contains("http://127.0.0.1:8080/health", test, StringComparison.Ordinal);
            }
        }
        Assert.NotEmpty(compose.ServicesOf(ComposeFile.ClickHouseServer));
        Assert.All(compose.ServicesOf(ComposeFile.ClickHouseServer), s => Assert.Contains("/ping", compose.HealthCheck(s), StringComparison.Ordinal));
        Assert.Contains("redis-cli ping", compose.HealthCheck("redis"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_data_lives_in_named_volumes_where_the_services_are_told_to_write_it(string file)
    {
        var compose = ComposeFile.Named(file);
        var declared = ComposeFile.Map(compose.Root, "volumes").Keys.Cast<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var server in compose.ServicesOf(ComposeFile.ClickHouseServer).Concat(compose.ServicesOf(ComposeFile.ClickHouseKeeper)))
        {
            AssertVolume(server, "/var/lib/clickhouse");
        }
        AssertVolume("redis", "/data");
        AssertVolume("collector", compose.Environment("collector")["DurableLog__Directory"]);
        AssertVolume("jobs", compose.Environment("jobs")["Reports__Directory"]);
        AssertVolume("dashboard", compose.Environment("dashboard")["Dashboard__DataDirectory"]);

        void AssertVolume(string service, string target)
        {
            var mount = Assert.Single(compose.Mounts(service), m => m.Target == target);
            Assert.Contains(mount.Source, declared);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_mounted_host_path_exists_in_the_repository(string file)
    {
        var compose = ComposeFile.Named(file);
        var mounts = compose.ServiceNames.SelectMany(s => compose.Mounts(s).Select(m => (Service: s, Mount: m))).Where(m => m.Mount.IsHostPath).ToList();
        Assert.NotEmpty(mounts);
        foreach (var (service, mount) in mounts)
        {
            Assert.True(mount.Source.StartsWith("./", StringComparison.Ordinal), $"{service}: {mount.Source} is not relative to the repository");
            Assert.True(File.Exists(mount.HostPath), $"{service}: {mount.Source} (mounted at {mount.Target}) does not exist");
            Assert.StartsWith(RepositoryRoot.Path + Path.DirectorySeparatorChar, mount.HostPath, StringComparison.Ordinal);
        }
        Assert.All(compose.ServiceNames, s => Assert.All(compose.MountedXml(s), xml => Assert.NotNull(xml.Root))); // well-formed
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_clickhouse_config_caps_memory_and_keeps_a_dedup_window(string file)
    {
        var compose = ComposeFile.Named(file);
        foreach (var server in compose.ServicesOf(ComposeFile.ClickHouseServer))
        {
            var mounts = compose.Mounts(server);
            Assert.Contains(mounts, m => m.Target.StartsWith("/etc/clickhouse-server/config.d/", StringComparison.Ordinal));
            Assert.Contains(mounts, m => m.Target.StartsWith("/etc/clickhouse-server/users.d/", StringComparison.Ordinal));
            var settings = compose.MountedXml(server).SelectMany(x => x.Root!.Descendants()).Where(e => !e.HasElements)
                .ToLookup(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
            Assert.Matches(@"^0\.\d+$", Assert.Single(settings["max_server_memory_usage_to_ram_ratio"]));
            Assert.Matches("^[1-9][0-9]*$", Assert.Single(settings["non_replicated_deduplication_window"]));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_image_is_pinned(string file)
    {
        var compose = ComposeFile.Named(file);
        foreach (var name in compose.ServiceNames)
        {
            var image = compose.Image(name);
            var last = image[(image.LastIndexOf('/') + 1)..];
            var colon = last.IndexOf(':', StringComparison.Ordinal);
            var tag = colon < 0 ? null : last[(colon + 1)..];
            Assert.False(tag is null or "" or "latest", $"{name}: image {image} is not pinned to a tag");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_variable_set_for_a_service_is_a_key_it_reads(string file)
    {
        var compose = ComposeFile.Named(file);
        var unknown = new List<string>();
        foreach (var (service, assemblies) in ServiceAssemblies)
        {
            var known = KnownSettings.For(assemblies);
            unknown.AddRange(compose.Environment(service).Keys.Where(k => !known.Reads(k)).Select(k => $"{service}: {k}"));
        }
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_jobs_and_the_dashboard_share_their_state_in_the_redis_service(string file)
    {
        var compose = ComposeFile.Named(file);
        var jobs = compose.Environment("jobs");
        Assert.Equal("Redis", jobs["Jobs__Storage"]);
        AssertRedis("jobs", jobs["Jobs__RedisConnection"]);
        AssertRedis("dashboard", compose.Environment("dashboard")["Dashboard__ScaleOut__Redis"]);

        void AssertRedis(string service, string connection)
        {
            var host = connection.Split(',')[0].Split(':')[0];
            Assert.Contains(host, compose.ServicesOf("redis"));
            Assert.Equal("service_healthy", compose.Condition(service, host));
        }
    }

    [Fact]
    public void The_known_keys_are_derived_from_the_options_classes()
    {
        var collector = KnownSettings.For(ServiceAssemblies["collector"]);
        Assert.Contains("Ingestion__RateLimit__PermitLimit", collector.Keys);
        Assert.Contains("Articles__ApiKeys__{N}__Sha256", collector.Keys);
        Assert.Contains("ClickHouse__Migrations__ApplyOnStart", collector.Keys);
        Assert.Contains("ClickHouse__Cluster", collector.Keys);
        Assert.Contains("ForwardedHeaders__TrustedProxies__{N}", collector.Keys);
        Assert.True(collector.Reads("Ingestion__Sites__3"));
        Assert.False(collector.Reads("Ingestion__Sites__x"));
        Assert.False(collector.Reads("Ingestion__NoSuchKey"));
        Assert.False(collector.Reads("Reports__Directory")); // a Jobs key
        var jobs = KnownSettings.For(ServiceAssemblies["jobs"]);
        Assert.True(jobs.Reads("Jobs__Schedules__trends-hourly"));
        Assert.True(jobs.Reads("Kestrel__Endpoints__Http__Url"));
        Assert.False(jobs.Reads("Jobs__RedisConection"));
        var dashboard = KnownSettings.For(ServiceAssemblies["dashboard"]);
        Assert.Contains("Dashboard__ScaleOut__Redis", dashboard.Keys);
        Assert.False(jobs.Reads("Dashboard__ScaleOut__Redis"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_holds_no_secret_only_references_to_the_environment(string file)
    {
        var compose = ComposeFile.Named(file);
        var secret = SecretName();
        foreach (var name in compose.ServiceNames)
        {
            foreach (var (key, setting) in compose.Environment(name))
            {
                if (secret.IsMatch(key[(key.LastIndexOf("__", StringComparison.Ordinal) + 1)..]))
                {
                    Assert.True(WholeReference().IsMatch(setting), $"{name}: {key} is not a ${{VAR}} without a default: '{setting}'");
                }
            }
        }
        foreach (Match match in PasswordInValue().Matches(compose.Text))
        {
            Assert.StartsWith("${", match.Groups[1].Value, StringComparison.Ordinal);
            Assert.DoesNotContain(":-", match.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_env_example_documents_every_variable_the_files_use()
    {
        var example = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".env.example"));
        var documented = example.Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim()).ToHashSet(StringComparer.Ordinal);
        // One .env serves both files: each documented variable is used by one of them at least.
        var files = new[] { ComposeFile.Default, ComposeFile.Cluster };
        var used = files.SelectMany(f => f.InterpolatedVariables()).ToHashSet(StringComparer.Ordinal);
        var required = files.SelectMany(f => f.RequiredVariables()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(used).Order(StringComparer.Ordinal)); // nothing documented that does nothing
        Assert.Contains("CLICKHOUSE_PASSWORD", required);
        // The example ships no secret: a required value is left empty.
        foreach (var variable in required)
        {
            Assert.Contains($"{variable}=", example);
        }
    }

    [GeneratedRegex("password|secret|token|sha256|apikey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(:\?[^}]*|:-)?\}$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"Password=([^;""\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInValue();
}
