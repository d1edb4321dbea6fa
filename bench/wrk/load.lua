-- wrk script of the Xiaoan benchmarks.
--   BENCH_PATHS  file with one request path per line (optional: else the URL's own path);
--                requests go through the lines in turn, each connection starting elsewhere
--   BENCH_METHOD GET (default) or POST
--   BENCH_BODIES file with one JSON body per line for POST (used in turn)
--   BENCH_COUNT  1: count the 2xx answers (acknowledged writes) per thread
-- Extra headers (cookie, CSRF token) come from wrk's -H options.
-- done() prints one JSON line: requests, seconds, counts by status class, socket errors and the
-- latency percentiles in microseconds.

local paths, bodies = nil, nil
local method = os.getenv("BENCH_METHOD") or "GET"
local threads = {}
local counter = 0

local function read_lines(name)
  if not name or name == "" then return nil end
  local t = {}
  for line in io.lines(name) do
    if line ~= "" then t[#t + 1] = line end
  end
  if #t == 0 then return nil end
  return t
end

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  paths = read_lines(os.getenv("BENCH_PATHS"))
  bodies = read_lines(os.getenv("BENCH_BODIES"))
  counter = id * 7919
  ok2xx, other = 0, 0
end

local function next_request()
  counter = counter + 1
  local path = nil
  if paths then path = paths[(counter % #paths) + 1] end
  if method == "POST" then
    local body = bodies and bodies[(counter % #bodies) + 1] or "{}"
    -- wrk.format takes the given headers instead of wrk.headers (the -H options): merge them.
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format("GET", path)
end

local function count_response(status, headers, body)
  if status >= 200 and status < 300 then
    ok2xx = ok2xx + 1
  else
    other = other + 1
  end
end

-- Only what a run needs is defined: a request() or response() function costs wrk time on every
-- request, and the plain runs (health, the nginx reference) must not pay for it.
if (os.getenv("BENCH_PATHS") or "") ~= "" or method == "POST" then request = next_request end
if os.getenv("BENCH_COUNT") == "1" then response = count_response end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + (t:get("ok2xx") or 0)
    bad = bad + (t:get("other") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.6f, "ok": %d, "not_ok": %d, "errors": {"connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d}, "latency_us": {"p50": %d, ' ..
    '"p90": %d, "p95": %d, "p99": %d, "max": %d, "mean": %.1f}}\n',
    summary.requests, summary.duration / 1e6, ok, bad, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
