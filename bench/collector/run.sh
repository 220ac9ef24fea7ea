#!/usr/bin/env bash
# Collector benchmark: load from a separate process (hey) on loopback against the Collector running
# on the embedded ClickHouse, beside two limits measured in the same run: the driver's insert rate of
# the same rows into the same tables, and a Kestrel hello-world under the same load tool.
# Usage: bench/collector/run.sh [duration-seconds]   (prints a Markdown report)
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
scripts/bootstrap.sh hey
for project in Collector bench EmbeddedClickHouse; do dotnet build -c Release "$project" --nologo -v quiet -clp:NoSummary >/dev/null; done

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "timeout waiting for $1" >&2; return 1; }
hey_rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
hey_pct() { awk -v p="$2%" '$1 == p && $2 == "in" {printf "%.2f", $3 * 1000}' "$1"; }

ch_port=$(free_port); collector_port=$(free_port); hello_port=$(free_port)
dotnet EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll --path "$work/ch" --port "$ch_port" >"$work/ch.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$ch_port/ping"

database=bench_collector
ASPNETCORE_ENVIRONMENT=Production \
ClickHouse__ConnectionString="Host=127.0.0.1;Port=$ch_port" ClickHouse__Database=$database \
DurableLog__Directory="$work/log" Ingestion__RateLimit__PermitLimit=100000000 \
Logging__LogLevel__Default=Warning \
Kestrel__Endpoints__Http__Url="http://127.0.0.1:$collector_port" \
env ${COLLECTOR_ENV:-} dotnet Collector/bin/Release/net10.0/Icesco.Insights.Collector.dll >"$work/collector.log" 2>&1 &
collector_pid=$!
pids+=($collector_pid)
wait_http "http://127.0.0.1:$collector_port/alive"
events="http://127.0.0.1:$collector_port/api/v1/events"
ua="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
count() { curl -fs "http://127.0.0.1:$ch_port/" --data-binary "SELECT count() FROM $database.page_views"; }

hey -z 5s -c 16 -m POST -T text/plain -H "User-Agent: $ua" -D bench/collector/single.json "$events" >/dev/null   # warm-up
hey -z "${duration}s" -c 32 -m POST -T text/plain -H "User-Agent: $ua" -D bench/collector/single.json "$events" >"$work/single-max.txt"
single_max=$(hey_rps "$work/single-max.txt")
half_per_worker=$(python3 -c "print(max(1, round($single_max / 2 / 8)))")
hey -z "${duration}s" -c 8 -q "$half_per_worker" -m POST -T text/plain -H "User-Agent: $ua" -D bench/collector/single.json "$events" >"$work/single-half.txt"

before=$(count)
start=$(date +%s.%N)
hey -z "${duration}s" -c 8 -m POST -T application/json -H "User-Agent: $ua" -D bench/collector/batch100.json "$events" >"$work/batch.txt"
loaded=$(date +%s.%N)
batch_accepted=$(awk '/\[202\]/ {print $2 * 100}' "$work/batch.txt")
target=$((before + batch_accepted))
for _ in $(seq 1 1200); do [ "$(count)" -ge "$target" ] && break; sleep 0.5; done
drained=$(date +%s.%N)
stored=$(( $(count) - before ))
peak_rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/$collector_pid/status)

dotnet bench/bin/Release/net10.0/Icesco.Insights.Bench.dll insert-limit --clickhouse "Host=127.0.0.1;Port=$ch_port" --rows 500000 --batch 10000 >"$work/insert-limit.txt"
insert_limit=$(awk '{print $3}' "$work/insert-limit.txt")

dotnet bench/bin/Release/net10.0/Icesco.Insights.Bench.dll hello --port "$hello_port" >/dev/null 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$hello_port/"
hey -z 5s -c 16 "http://127.0.0.1:$hello_port/" >/dev/null
hey -z "${duration}s" -c 32 "http://127.0.0.1:$hello_port/" >"$work/hello.txt"
hello=$(hey_rps "$work/hello.txt")
hey -z "${duration}s" -c 32 -m POST -T text/plain -D bench/collector/single.json "http://127.0.0.1:$hello_port/" >"$work/hello-post.txt"
hello_post=$(hey_rps "$work/hello-post.txt")

python3 - "$single_max" "$(hey_pct "$work/single-max.txt" 50)" "$(hey_pct "$work/single-max.txt" 99)" \
  "$(hey_rps "$work/single-half.txt")" "$(hey_pct "$work/single-half.txt" 50)" "$(hey_pct "$work/single-half.txt" 99)" \
  "$(hey_rps "$work/batch.txt")" "$batch_accepted" "$start" "$loaded" "$drained" "$stored" "$insert_limit" "$hello" "$hello_post" "$peak_rss" "$duration" <<'PY'
import sys
(single_max, s50, s99, half, h50, h99, batch_rps, accepted, start, loaded, drained, stored, limit, hello, hello_post, rss, duration) = sys.argv[1:]
load_s = float(loaded) - float(start); total_s = float(drained) - float(start)
accepted_rate = int(accepted) / load_s; sustained = int(stored) / total_s
print(f"| measure | value | limit measured in the same run | ratio |")
print(f"| --- | ---: | ---: | ---: |")
print(f"| batched events/s accepted (100 per request, 8 connections, {duration} s) | {accepted_rate:,.0f} | driver insert {float(limit):,.0f} rows/s | {accepted_rate/float(limit):.2f} |")
print(f"| batched events/s end to end (accepted until all in ClickHouse: {int(stored):,} rows in {total_s:.1f} s) | {sustained:,.0f} | driver insert {float(limit):,.0f} rows/s | {sustained/float(limit):.2f} |")
print(f"| single-event requests/s, max (32 connections) | {float(single_max):,.0f} | hello world GET {float(hello):,.0f} req/s (POST {float(hello_post):,.0f}) | {float(single_max)/float(hello):.2f} ({float(single_max)/float(hello_post):.2f}) |")
print(f"| single-event latency at max load, p50 / p99 ms | {s50} / {s99} | | |")
print(f"| single-event at half the max ({float(half):,.0f} req/s), p50 / p99 ms | {h50} / {h99} | goal p99 ≤ 10 ms | |")
print(f"| Collector peak RSS (VmHWM) | {rss} MB | goal ≤ 200 MB | |")
PY
