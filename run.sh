#!/usr/bin/env bash
# Runs Icesco.Insights on this machine (no Docker): embedded ClickHouse with the schema, Collector, Jobs
# and Dashboard as processes, until Ctrl+C.
# Options are passed to the launcher: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
# What the services need at run time (the report's fonts among them) and the build's Node.js: scripts/packages.txt.
scripts/bootstrap.sh collector jobs dashboard build
dotnet build Launcher -c Release --nologo -v quiet -clp:NoSummary
exec dotnet Launcher/bin/Release/net10.0/Icesco.Insights.Launcher.dll "$@"
