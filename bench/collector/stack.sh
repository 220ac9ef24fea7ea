# Sourced by bench/collector/run.sh and profile.sh: starts the embedded ClickHouse and the Collector (as shipped:
# Production, durable log fsync'd on this disk) on free loopback ports, and defines the load helpers.
# Sets work, ch_pid, collector_pid, events, database; stops everything on exit.
# On the repository's disk, not a tmpfs: the log's fsync is part of what a 202 costs.
work=$(mktemp -d "${BENCH_WORK:-/var/tmp}/icesco-collector-bench.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; cp "$work/collector.log" "${TMPDIR:-/tmp}/icesco-collector-bench.log" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "timeout waiting for $1" >&2; return 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system CPU of a process, in clock ticks
field() { sed -n "s/.*RESULT.* $2=\([0-9]*\).*/\1/p" "$1"; }
tick_hz=$(getconf CLK_TCK)

ua="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
# load NAME PID URL BODY TYPE THREADS CONNECTIONS SECONDS [DELAY_MS]: one wrk run; writes NAME.txt with the
# wrk result, the server's CPU ticks over the run and wrk's own CPU seconds.
load() {
  local name=$1 pid=$2 url=$3 body=$4 type=$5 threads=$6 connections=$7 seconds=$8 delay=${9:-0}
  local before after
  before=$(ticks "$pid")
  ( wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s bench/collector/post.lua "$url" -- "$body" "$type" "$delay" "$ua"; times ) >"$work/$name.txt"
  after=$(ticks "$pid")
  echo "SERVER ticks=$((after - before))" >>"$work/$name.txt"
}
rps() { python3 -c "print($(field "$1" requests) / ($(field "$1" duration_us) / 1e6))"; }
cpu_us() { python3 -c "print($(sed -n 's/SERVER ticks=//p' "$1") / $tick_hz * 1e6 / max(1, $(field "$1" requests)))"; }
wrk_cpu_us() { python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
times = [m for m in re.findall(r"(\d+)m([\d.]+)s (\d+)m([\d.]+)s", text)]
user_m, user_s, sys_m, sys_s = times[-1]   # the second line of `times`: the subshell's children, i.e. wrk
requests = int(re.search(r"requests=(\d+)", text).group(1))
print((int(user_m) * 60 + float(user_s) + int(sys_m) * 60 + float(sys_s)) * 1e6 / max(1, requests))
PY
}

ch_port=$(free_port); collector_port=$(free_port); hello_port=$(free_port)
dotnet EmbeddedClickHouse/bin/Release/net10.0/Icesco.Insights.EmbeddedClickHouse.dll --path "$work/ch" --port "$ch_port" >"$work/ch.log" 2>&1 &
ch_pid=$!
pids+=($ch_pid)
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
count() { curl -fs "http://127.0.0.1:$ch_port/" --data-binary "SELECT count() FROM $database.page_views"; }
