-- wrk script of bench/collector/run.sh: POSTs one file's bytes, optionally paced, and prints one
-- machine-readable line at the end.
--   wrk ... -s bench/collector/post.lua URL -- BODY_FILE CONTENT_TYPE [DELAY_MS] [USER_AGENT]
-- DELAY_MS is waited before every request of each connection (wrk schedules it per connection).

local delay_ms = 0

function init(args)
  local file = assert(io.open(args[1], "rb"))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = args[2] or "application/json"
  if args[4] and args[4] ~= "" then wrk.headers["User-Agent"] = args[4] end
  delay_ms = tonumber(args[3] or "0") or 0
end

-- wrk waits whole milliseconds: carrying the fraction over keeps the mean wait at DELAY_MS.
local owed = 0
function delay()
  owed = owed + delay_ms
  local whole = math.floor(owed)
  owed = owed - whole
  return whole
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
