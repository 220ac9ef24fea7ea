#!/usr/bin/env bash
# Issue 14's figures in one table: runs every reliability test with ICESCO_RELIABILITY_FIGURES set (each writes
# what it tried, how many times, what was lost), adds the long benchmarks' figures, writes docs/reliability.md.
#
#   bench/reliability/run.sh          the tests (~10 min) + the long benchmarks' figures of their last run
#   bench/reliability/run.sh --long   also runs the long ones again: fuzzing (fuzz/run.sh, FUZZ_SECONDS per target,
#                                     default 600), 10^6 mutated bodies (fuzz/http-bodies.sh) and the 1-hour soak
#                                     (bench collector-soak); their lines replace docs/reliability-long.jsonl
set -euo pipefail
cd "$(dirname "$0")/../.."
long=false
[[ "${1:-}" == "--long" ]] && long=true

scripts/bootstrap.sh collector jobs dashboard build test
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DOTNET_hostBuilder__reloadConfigOnChange=false
(cd tests/node-client && npm ci --no-audit --no-fund --loglevel=error)
dotnet build Icesco.Insights.sln -c Release --nologo -v quiet -clp:NoSummary
dotnet EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll fetch-engine

figures=$(mktemp)
trap 'rm -f "$figures" "$figures.long"' EXIT
export ICESCO_RELIABILITY_FIGURES=$figures
filter=$(paste -sd'|' <<'NAMES'
FullyQualifiedName~Icesco.Insights.Collector.Tests.Faults
FullyQualifiedName~Icesco.Insights.Collector.Tests.DurableLog.BadRowFacts
FullyQualifiedName~Icesco.Insights.Collector.Tests.Ingestion.DatacenterFacts
FullyQualifiedName~CorpusReplayFacts
FullyQualifiedName~EngagementHubFacts.A_websocket_to_the_hub_from_a_foreign_origin
FullyQualifiedName~SignInFacts.A_sign_in_post_without_the_antiforgery_token
FullyQualifiedName~Dashboard.Tests.Auth.LogPrivacyFacts
FullyQualifiedName~DashboardFacts.Dashboard_asks_a_request_from_the_same_host
NAMES
)
echo "== reliability tests"
status=0
dotnet test Icesco.Insights.sln -c Release --no-build --nologo --filter "$filter" || status=$?

if $long; then
  echo "== long benchmarks (fuzzing, 10^6 bodies, 1-hour soak)"
  export ICESCO_RELIABILITY_FIGURES=$figures.long
  fuzz/run.sh all "${FUZZ_SECONDS:-600}" || status=$?
  fuzz/http-bodies.sh 1000000 || status=$?
  dotnet bench/bin/Release/net10.0/Icesco.Insights.Bench.dll collector-soak --minutes 60 || status=$?
  python3 - "$figures.long" <<'PY'
import json, sys, datetime
day = datetime.date.today().isoformat()
with open(sys.argv[1]) as source, open("docs/reliability-long.jsonl", "w") as target:
    for line in source:
        figure = json.loads(line); figure["Run"] = day
        target.write(json.dumps(figure, ensure_ascii=False) + "\n")
PY
fi

python3 bench/reliability/table.py "$figures" docs/reliability-long.jsonl > docs/reliability.md.new
mv docs/reliability.md.new docs/reliability.md
echo "== docs/reliability.md written ($(grep -c '^| ' docs/reliability.md) table rows)"
exit "$status"
