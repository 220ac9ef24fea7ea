#!/usr/bin/env bash
# Mutated HTTP bodies against the real Collector (on demand, not in CI): starts the embedded ClickHouse and the
# Collector as shipped (bench/collector/stack.sh: Production, durable log fsync'd, rate limit raised), then sends
# COUNT bodies mutated from fuzz/corpus/event-body (byte flips, cuts, splices, inserted tokens, wrong content types,
# gzip/br/deflate garbage) from 8 connections. Counts the answers by status, samples the Collector's RSS from
# /proc every 10,000 bodies, and fails on any 5xx or dropped connection. Writes its reliability figure line to
# $ICESCO_RELIABILITY_FIGURES when set.
#   fuzz/http-bodies.sh [count, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
scripts/bootstrap.sh bench
for project in Collector EmbeddedClickHouse fuzz; do dotnet build -c Release "$project" --nologo -v quiet -clp:NoSummary >/dev/null; done
dotnet EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll fetch-engine >/dev/null

source bench/collector/stack.sh
start=$(date +%s)
status=0
dotnet fuzz/bin/Release/net10.0/Icesco.Insights.Fuzz.dll http-bodies "$events" "$collector_pid" "$count" fuzz/corpus || status=$?
echo "RESULT duration $(( $(date +%s) - start )) s; Collector still alive: $(curl -fs "${events%/api/v1/events}/alive" >/dev/null && echo yes || echo no)"
grep -iE "fail|exception" "$work/collector.log" | sort | uniq -c | sort -rn | head -5 || true
exit "$status"
