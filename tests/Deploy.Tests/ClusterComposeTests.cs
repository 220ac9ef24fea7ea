using System.Xml.Linq;

namespace Icesco.Insights.Deploy.Tests;

/// <summary>
/// docker-compose.cluster.yml and the ClickHouse and Keeper configuration it mounts (deploy/clickhouse-cluster/),
/// parsed and checked against each other: the cluster the services name is the one the servers define, its hosts
/// are the compose services, Keeper is where the servers look for it. The rules both compose files keep are
/// <see cref="ComposeTests"/>' theories.
/// </summary>
public sealed class ClusterComposeTests
{
    private static readonly ComposeFile Compose = ComposeFile.Cluster;

    private static IReadOnlyList<string> Servers => Compose.ServicesOf(ComposeFile.ClickHouseServer);

    private static string Keeper => Assert.Single(Compose.ServicesOf(ComposeFile.ClickHouseKeeper));

    [Fact]
    public void It_has_keeper_two_clickhouse_servers_redis_the_migration_and_the_three_services()
    {
        var names = Compose.ServiceNames.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["clickhouse-s1", "clickhouse-s2", "collector", "dashboard", "jobs", "keeper", "migrate", "redis"], names);
        Assert.Equal(["clickhouse-s1", "clickhouse-s2"], Servers.Order(StringComparer.Ordinal));
        Assert.Equal("keeper", Keeper);
        // The same images as on one machine: cluster mode is tried with what runs in production.
        var single = ComposeFile.Default;
        Assert.All(Servers, s => Assert.Equal(single.Image("clickhouse"), Compose.Image(s)));
        Assert.Equal("clickhouse/clickhouse-keeper:25.8", Compose.Image(Keeper));
        Assert.Equal(Tag(single.Image("clickhouse")), Tag(Compose.Image(Keeper)));
        Assert.Equal(single.Image("redis"), Compose.Image("redis"));
        Assert.All((string[])["migrate", .. ComposeFile.AppServices], s => Assert.Equal(single.Image(s), Compose.Image(s)));
    }

    [Fact]
    public void The_servers_wait_for_keeper_the_migration_for_both_servers_and_the_services_for_the_migration()
    {
        Assert.All(Servers, s => Assert.Equal("service_healthy", Compose.Condition(s, Keeper)));

        var migrate = Compose.Service("migrate");
        Assert.Equal(["migrate"], ((List<object>)migrate["command"]).Cast<string>());
        Assert.Equal("no", migrate["restart"]);
        // ON CLUSTER statements wait for every server of the cluster.
        Assert.All(Servers, s => Assert.Equal("service_healthy", Compose.Condition("migrate", s)));
        Assert.DoesNotContain("ClickHouse__Migrations__ApplyOnStart", Compose.Environment("migrate").Keys);

        foreach (var name in ComposeFile.AppServices)
        {
            Assert.Equal("service_completed_successfully", Compose.Condition(name, "migrate"));
            Assert.All(Servers, s => Assert.Equal("service_healthy", Compose.Condition(name, s)));
            Assert.Equal("false", Compose.Environment(name)["ClickHouse__Migrations__ApplyOnStart"]);
        }
    }

    [Fact]
    public void The_migration_and_every_service_name_the_cluster_the_servers_define()
    {
        // Every server holds the same cluster definition.
        var definition = Config(Servers[0], "remote_servers");
        Assert.All(Servers, s => Assert.True(XNode.DeepEquals(definition, Config(s, "remote_servers")), $"{s} defines other clusters"));
        var cluster = Assert.Single(definition.Elements()).Name.LocalName;
        Assert.Equal("insights", cluster);

        foreach (var name in (string[])["migrate", .. ComposeFile.AppServices])
        {
            var environment = Compose.Environment(name);
            Assert.Equal(cluster, environment["ClickHouse__Cluster"]);
            var connection = environment["ClickHouse__ConnectionString"].Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            Assert.Contains(connection["Host"], Servers);
            Assert.Equal("8123", connection["Port"]);
        }
    }

    [Fact]
    public void The_cluster_has_two_shards_of_one_replica_each_on_the_compose_servers()
    {
        var shards = Assert.Single(Config(Servers[0], "remote_servers").Elements()).Elements("shard").ToList();
        Assert.Equal(2, shards.Count);
        var hosts = new List<string>();
        foreach (var shard in shards)
        {
            // Each shard's replicated table copies rows to its other replicas, not the Distributed table.
            Assert.Equal("true", shard.Element("internal_replication")?.Value);
            var replica = Assert.Single(shard.Elements("replica"));
            var host = replica.Element("host")?.Value ?? "";
            hosts.Add(host);
            Assert.Equal("9000", replica.Element("port")?.Value);
            // The servers connect to each other as the user the image creates; no credential is written in the file.
            foreach (var credential in new[] { "user", "password" })
            {
                var element = replica.Element(credential);
                Assert.NotNull(element);
                Assert.True(element.Value.Length == 0, $"{host}: <{credential}> holds a value");
                Assert.Contains(element.Attribute("from_env")?.Value ?? "", Compose.Environment(host).Keys);
            }
        }
        Assert.Equal(Servers.Order(StringComparer.Ordinal), hosts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_server_mounts_its_own_macros_with_a_distinct_shard_and_a_unique_replica()
    {
        var macros = Servers.Select(s => Config(s, "macros")).ToList();
        var files = Servers.Select(s => Assert.Single(Compose.Mounts(s), m => m.IsXmlFile && Xml(m).Root!.Element("macros") is not null).Source).ToList();
        Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());

        var shards = macros.Select(m => m.Element("shard")?.Value ?? "").ToList();
        var replicas = macros.Select(m => m.Element("replica")?.Value ?? "").ToList();
        Assert.DoesNotContain("", shards);
        Assert.DoesNotContain("", replicas);
        // One replica per shard: each server is a shard of its own, and every replica name is unique in Keeper.
        Assert.Equal(shards.Count, shards.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(replicas.Count, replicas.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_servers_find_keeper_at_its_service_name_and_client_port()
    {
        var keeper = Config(Keeper, "keeper_server");
        var port = keeper.Element("tcp_port")?.Value;
        Assert.NotNull(port);
        foreach (var server in Servers)
        {
            var node = Assert.Single(Config(server, "zookeeper").Elements("node"));
            Assert.Equal(Keeper, node.Element("host")?.Value);
            Assert.Equal(port, node.Element("port")?.Value);
            Assert.Equal("/clickhouse/task_queue/ddl", Config(server, "distributed_ddl").Element("path")?.Value);
        }
        // Keeper reads the mounted file, listens beyond localhost, and its one Raft member is itself.
        Assert.Contains(Compose.Mounts(Keeper), m => m.IsHostPath && m.Target == "/etc/clickhouse-keeper/keeper_config.xml");
        Assert.Equal("0.0.0.0", Config(Keeper, "listen_host").Value);
        var member = Assert.Single(keeper.Element("raft_configuration")?.Elements("server") ?? []);
        Assert.Equal(keeper.Element("server_id")?.Value, member.Element("id")?.Value);
        Assert.Equal(Keeper, member.Element("hostname")?.Value);
    }

    [Fact]
    public void The_keeper_health_check_asks_ruok_on_the_client_port()
    {
        var keeper = Config(Keeper, "keeper_server");
        var check = Compose.HealthCheck(Keeper);
        Assert.NotNull(check);
        Assert.Contains("echo ruok | nc 127.0.0.1 " + keeper.Element("tcp_port")?.Value, check, StringComparison.Ordinal);
        Assert.Contains("grep -q imok", check, StringComparison.Ordinal);
        var allowed = keeper.Element("four_letter_word_white_list")?.Value.Split(',').Select(w => w.Trim());
        Assert.True(allowed is null || allowed.Contains("ruok"), "ruok is not among Keeper's allowed four-letter words");
    }

    [Fact]
    public void Inserts_into_distributed_tables_are_acknowledged_only_once_the_shards_hold_the_rows()
    {
        foreach (var server in Servers)
        {
            var setting = Assert.Single(
                Compose.Mounts(server).Where(m => m.IsXmlFile && m.Target.StartsWith("/etc/clickhouse-server/users.d/", StringComparison.Ordinal))
                    .SelectMany(m => Xml(m).Root!.Elements("profiles").Elements("default").Elements("distributed_foreground_insert")));
            Assert.Equal("1", setting.Value);
        }
    }

    /// <summary>The one top-level element <paramref name="name"/> among the XML files mounted into a service.</summary>
    private static XElement Config(string service, string name)
        => Assert.Single(Compose.MountedXml(service).SelectMany(x => x.Root!.Elements(name)));

    private static XDocument Xml(Mount mount) => XDocument.Load(mount.HostPath);

    private static string Tag(string image) => image[(image.LastIndexOf(':') + 1)..];
}
