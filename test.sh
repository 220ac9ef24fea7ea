#!/usr/bin/env bash
# Runs the whole test suite against real parts (the embedded ClickHouse engine, the Node client).
# Installs what it needs first. Extra arguments go to 'dotnet test' (e.g. --filter Name~Settings).
set -euo pipefail
cd "$(dirname "$0")"
# What ./run.sh installs, and what the tests add (Chromium, redis-server, poppler-utils): scripts/packages.txt.
scripts/bootstrap.sh collector jobs dashboard build test
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Test hosts (dozens of WebApplicationFactory instances) do not watch their appsettings files: each watcher is an
# inotify instance, and the per-user limit (often 128) was reached near the end of a full run.
export DOTNET_hostBuilder__reloadConfigOnChange=false

echo "== npm ci (the Node ClickHouse client used as a second client; the CC0 IP-to-country database)"
(cd tests/node-client && npm ci --no-audit --no-fund --loglevel=error)
(cd tests/Collector.Tests/geoip && npm ci --no-audit --no-fund --loglevel=error)

echo "== build"
dotnet build Icesco.Insights.sln -c Release --nologo -v quiet -clp:NoSummary

# Fetch the engine library once, with progress, before test projects start in parallel.
echo "== ClickHouse engine (chDB)"
dotnet EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll fetch-engine

echo "== test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Icesco.Insights.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
