-- wrk script: POSTs the incident in $BENCH_BODY and prints one machine-readable summary line.
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Language"] = "ja"
-- The calling system's credential (run.sh sets it for decisions, not for the baseline).
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

-- With BENCH_VARY=1 (the case-memory runs) every request is a new contact: its own incidentId,
-- one of 200 callers and 500 cases per wrk thread, so memory reads and writes as in production
-- instead of answering retries. BENCH_RUN keeps the ids of one wrk run apart from the next.
local vary = os.getenv("BENCH_VARY") == "1"
-- BENCH_CALLERS: the population, 200 (hot) by default; 200000 for a wide one. Cases: 2.5 per caller.
local callers = tonumber(os.getenv("BENCH_CALLERS") or "200")
local run_id = os.getenv("BENCH_RUN") or "run"
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
function request()
  if not vary then
    return wrk.request()
  end
  counter = counter + 1
  local n = counter
  local body = wrk.body:gsub('"BENCH%-1"', '"' .. run_id .. '-' .. tid .. '-' .. n .. '"', 1)
  -- a valid mobile number per caller (090 and eight digits), so normalisation keeps them apart
  body = body:gsub('"tel:0312345678"', string.format('"tel:090%08d"', n % callers), 1)
  body = body:gsub('"department"', '"caseId": "case-' .. tid .. '-' .. (n % math.floor(callers * 5 / 2)) .. '", "department"', 1)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
