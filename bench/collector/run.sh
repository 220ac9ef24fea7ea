#!/usr/bin/env bash
# Collector benchmark: load from wrk (a separate process, with bench/collector/post.lua for the POST body) on
# loopback against the Collector running on the embedded ClickHouse as shipped (durable log fsync'd on this
# disk), beside two limits measured in the same run: the driver's insert rate of the same rows into the same
# tables, and a Kestrel hello-world under the same tool, threads and connections.
# Besides req/s and latency it reports each server's CPU time per request, read from /proc/PID/stat over the
# measured run: a figure that holds on a shared machine, where a ratio of rates depends on who else runs.
# Usage: bench/collector/run.sh [duration-seconds]   (prints a Markdown report; default 20 s per measure)
#   COLLECTOR_ENV="Name=value ..." adds settings to the Collector's environment (to try one).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20}
scripts/bootstrap.sh bench
for project in Collector bench EmbeddedClickHouse; do dotnet build -c Release "$project" --nologo -v quiet -clp:NoSummary >/dev/null; done

source bench/collector/stack.sh
single=bench/collector/single.json

load warm "$collector_pid" "$events" "$single" text/plain 2 16 "${WARMUP:-30}"   # tiered JIT settles in ~30 s of load
load single-max "$collector_pid" "$events" "$single" text/plain 2 32 "$duration"
single_max=$(rps "$work/single-max.txt")
# Half of the maximum: 8 connections, each waiting before its next request. wrk cannot hold a rate, so a 5 s
# calibration measures the round trip at that pace and the wait (fractional: post.lua carries it over) is
# shortened by it.
target=$(python3 -c "print($single_max / 2)")
delay=$(python3 -c "print(max(0, 8 / $target * 1000))")
load calibrate "$collector_pid" "$events" "$single" text/plain 2 8 5 "$delay"
delay=$(python3 -c "r = $(rps "$work/calibrate.txt"); rt = 8 / r * 1000 - $delay; print(round(max(0, 8 / $target * 1000 - rt), 3))")
load single-half "$collector_pid" "$events" "$single" text/plain 2 8 "$duration" "$delay"

before=$(count)
ch_before=$(ticks "$ch_pid")
start=$(date +%s.%N)
load batch "$collector_pid" "$events" bench/collector/batch100.json application/json 2 8 "$duration"
loaded=$(date +%s.%N)
batch_accepted=$(( ($(field "$work/batch.txt" requests) - $(field "$work/batch.txt" non2xx)) * 100 ))
expected=$((before + batch_accepted))
for _ in $(seq 1 1200); do [ "$(count)" -ge "$expected" ] && break; sleep 0.5; done
drained=$(date +%s.%N)
stored=$(( $(count) - before ))
peak_rss=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$collector_pid/status")

dotnet bench/bin/Release/net10.0/Icesco.Insights.Bench.dll insert-limit --clickhouse "Host=127.0.0.1;Port=$ch_port" --rows 500000 --batch 5000 >"$work/insert-limit.txt"   # the flusher's batch (DurableLog:FlushBatchSize)
insert_limit=$(awk '{print $3}' "$work/insert-limit.txt")

dotnet bench/bin/Release/net10.0/Icesco.Insights.Bench.dll hello --port "$hello_port" >/dev/null 2>&1 &
hello_pid=$!
pids+=($hello_pid)
wait_http "http://127.0.0.1:$hello_port/"
load hello-warm "$hello_pid" "http://127.0.0.1:$hello_port/" "$single" text/plain 2 16 5
load hello "$hello_pid" "http://127.0.0.1:$hello_port/" "$single" text/plain 2 32 "$duration"

python3 - "$duration" "$single_max" "$(field "$work/single-max.txt" p50_us)" "$(field "$work/single-max.txt" p99_us)" \
  "$(cpu_us "$work/single-max.txt")" "$(wrk_cpu_us "$work/single-max.txt")" "$(field "$work/single-max.txt" non2xx)" \
  "$(rps "$work/single-half.txt")" "$(field "$work/single-half.txt" p50_us)" "$(field "$work/single-half.txt" p99_us)" "$(cpu_us "$work/single-half.txt")" \
  "$(rps "$work/hello.txt")" "$(field "$work/hello.txt" p50_us)" "$(field "$work/hello.txt" p99_us)" "$(cpu_us "$work/hello.txt")" "$(wrk_cpu_us "$work/hello.txt")" \
  "$batch_accepted" "$start" "$loaded" "$drained" "$stored" "$insert_limit" "$(cpu_us "$work/batch.txt")" "$peak_rss" "$delay" <<'PY'
import sys
a = sys.argv[1:]
(duration, smax, s50, s99, scpu, swrk, snon2xx, half, h50, h99, hcpu, hello, o50, o99, ocpu, owrk,
 accepted, start, loaded, drained, stored, limit, bcpu, rss, delay) = a
f = float
load_s = f(loaded) - f(start); total_s = f(drained) - f(start)
accepted_rate = int(accepted) / load_s; sustained = int(stored) / total_s
ms = lambda us: f"{int(us) / 1000:.2f}"
print("| measure | value | limit measured in the same run | ratio |")
print("| --- | ---: | ---: | ---: |")
print(f"| single-event requests/s, max (wrk 2 threads, 32 connections, {duration} s) | {f(smax):,.0f} | hello world POST {f(hello):,.0f} req/s | {f(smax)/f(hello):.2f} |")
print(f"| server CPU per request at max (from /proc over the run) | {f(scpu):.0f} µs | hello world {f(ocpu):.0f} µs | {f(scpu)/f(ocpu):.2f} |")
print(f"| wrk's own CPU per request | {f(swrk):.0f} µs | {f(owrk):.0f} µs | |")
print(f"| single-event latency at max, p50 / p99 ms | {ms(s50)} / {ms(s99)} | hello world {ms(o50)} / {ms(o99)} | |")
print(f"| single-event at half the max: {f(half):,.0f} req/s (8 connections, {delay} ms apart), p50 / p99 ms | {ms(h50)} / {ms(h99)} | goal p99 ≤ 10 ms | |")
print(f"| server CPU per request at half the max | {f(hcpu):.0f} µs | | |")
print(f"| non-2xx answers at max | {snon2xx} | | |")
print(f"| batched events/s accepted (100 per request, 8 connections, {duration} s) | {accepted_rate:,.0f} | driver insert {f(limit):,.0f} rows/s | {accepted_rate/f(limit):.2f} |")
print(f"| batched events/s end to end (accepted until all in ClickHouse: {int(stored):,} rows in {total_s:.1f} s) | {sustained:,.0f} | driver insert {f(limit):,.0f} rows/s | {sustained/f(limit):.2f} |")
print(f"| Collector CPU per batched event | {f(bcpu)/100:.1f} µs | | |")
print(f"| Collector peak RSS over the whole run (VmHWM) | {rss} MB | goal ≤ 200 MB | |")
PY
