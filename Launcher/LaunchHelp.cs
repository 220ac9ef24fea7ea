namespace Icesco.Insights.Launcher;

/// <summary>The text of <c>./run.sh --help</c>.</summary>
internal static class LaunchHelp
{
    public const string Text = """
        Icesco.Insights — feedback and analytics for the ICESCO news website, run locally.

        Usage:
          ./run.sh [options]

        Options:
          --data DIR             where data is kept between runs (default ./.data)
          --clickhouse-port N    port of the embedded ClickHouse HTTP interface (default 8123)
          --collector-port N     port of the Collector, the website's ingestion API (default 5080)
          --jobs-port N          port of the Jobs service (health, /hangfire) (default 5082)
          --dashboard-port N     port of the Dashboard, the staff web UI (default 5081)
          --database NAME        ClickHouse database of the system (default icesco_insights)
          --demo                 load the demo history again, even if this data folder has it
          --demo-weeks N         weeks of demo history (default 8)
          --demo-daily-views N   average page views a day in the demo history (default 2700)
          -h, --help             show this help
          A port of 0 picks a free one; the URLs printed say which.

        What it starts, each as its own process (as docker-compose runs the containers), in order:
          clickhouse   the embedded ClickHouse (the real engine, no Docker or server needed; the engine
                       library is fetched once, about 170 MB, into ~/.cache/icesco-insights); the schema
                       migrations and reference data (member states, topics) are applied to it
          collector    the website's ingestion API, snippet and article metadata API
          jobs         trends, alerts and weekly reports on their Hangfire schedule
          dashboard    the staff dashboard: sign-in, live page, trends, reports
        It waits for each one's /health, relays their output prefixed with their name ([collector] …),
        then prints the URLs and, on the first run of a data folder, the Dashboard's admin password
        (shown once, never stored in clear; later runs say the admin exists).

        Data folder (DIR):
          clickhouse/            the database
          collector-log/         the Collector's durable event log (events not yet in ClickHouse)
          reports/               copies of the rendered weekly reports (Jobs' Reports:Directory)
          dashboard/             the Dashboard's users file (the first-run admin, hash only)
          articles-api-key       the key for the Collector's article API (X-Api-Key), made on first run
          demo-seeded            present once the demo history was loaded

        Demo data: on the first run of a data folder (or with --demo), once everything is healthy, the
        demo history is posted through the Collector's public API, the Jobs' `backfill` computes the
        trends of the seeded range and `report` renders the last complete week, both as processes of
        the Jobs executable with the same settings; then a live trickle keeps the dashboard moving.

        Ctrl+C (or SIGTERM) stops the Collector first, so its log is flushed into ClickHouse, then the
        Jobs, the Dashboard and ClickHouse. If the launcher itself is killed, a watchdog stops them.
        If a service exits on its own, the launcher names it, stops the others and exits with code 1.
        """;
}
