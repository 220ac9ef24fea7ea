#!/usr/bin/env bash
# Where the Collector's CPU goes on the single-event path: perf's CPU samples of the Collector (kernel and JIT'd
# code) and the runtime's counters (dotnet-counters: GC, allocation, thread pool) while wrk posts one event per
# request at full load.
# Usage: bench/collector/profile.sh [seconds] [out-dir]    (default 15 s; perf.data and counters.csv stay in out-dir)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
out=$(realpath -m "${2:-/var/tmp/icesco-collector-profile}")
mkdir -p "$out"
scripts/bootstrap.sh bench
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-counters >/dev/null || dotnet tool install -g dotnet-counters --version 10.0.750501 >/dev/null
export COLLECTOR_ENV="DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ${COLLECTOR_ENV:-}"
for project in Collector EmbeddedClickHouse; do dotnet build -c Release "$project" --nologo -v quiet -clp:NoSummary >/dev/null; done
source bench/collector/stack.sh
single=bench/collector/single.json
load warm "$collector_pid" "$events" "$single" text/plain 2 16 "${WARMUP:-5}"
load profiled "$collector_pid" "$events" "$single" text/plain 2 32 $((seconds + 4)) &
loader=$!
sleep 2
# CPU: perf samples the kernel and the JIT's code alike (DOTNET_PerfMapEnabled writes the symbol map);
# dotnet-trace's sampling in a container sees thread time, waits included, so perf answers "where is the CPU".
dotnet-counters collect -p "$collector_pid" --duration "00:00:00:$(printf %02d $((seconds / 2)))" --refresh-interval 1 \
  --counters System.Runtime -o "$out/counters.csv" --format csv >"$out/counters.log" 2>&1 &
counters=$!
perf record -F 499 -e cpu-clock -g -p "$collector_pid" -o "$out/perf.data" -- sleep "$seconds" >"$out/perf.log" 2>&1
wait "$counters"
wait "$loader"
echo "## $(field "$work/profiled.txt" requests) requests, $(cpu_us "$work/profiled.txt" | cut -d. -f1) µs CPU each"
echo '### CPU by binary (perf)'; perf report -i "$out/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
echo '### CPU by symbol, self (perf)'; perf report -i "$out/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60
echo '### runtime counters (dotnet-counters, means over the run)'
python3 - "$out/counters.csv" <<'PY'
import csv, sys, collections
sums, counts = collections.defaultdict(float), collections.Counter()
for row in csv.DictReader(open(sys.argv[1])):
    try: value = float(row["Mean/Increment"])
    except (KeyError, ValueError): continue
    sums[row["Counter Name"]] += value; counts[row["Counter Name"]] += 1
for name in sorted(sums): print(f"- {name}: {sums[name] / counts[name]:,.1f}")
PY
