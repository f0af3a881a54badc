-- wrk script for the Kaikukortti ticketing API: random valid card codes from a file; GET the card and POST a use.
--   wrk -t2 -c32 -d30s --latency -s desk.lua http://127.0.0.1:5090 -- codes.txt API-KEY [mixed|post|get]
-- mixed: requests alternate GET /api/v1/culturecard/cards/{code} and POST /api/v1/culturecard/uses (per thread).
-- Every POST has a unique Idempotency-Key and a unique event name (so no second-use confirmation), one adult, no children.
-- Expected answers: GET 200, POST 201; anything else is counted as an error and its status printed.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  codes = {}
  for line in io.lines(args[1]) do
    if #line > 0 then codes[#codes + 1] = line end
  end
  key = args[2]
  mode = args[3] or "mixed"
  run = tostring(os.time())
  math.randomseed(os.time() * 1000 + id)
  counter = 0
  gets, posts, other = 0, 0, 0
  statuses = {}
  get_headers = { ["X-Api-Key"] = key }
end

function request()
  counter = counter + 1
  local code = codes[math.random(#codes)]
  if mode == "post" or (mode == "mixed" and counter % 2 == 0) then
    local unique = "wrk-" .. run .. "-" .. id .. "-" .. counter
    local body = '{"code":"' .. code .. '","eventName":"bench ' .. unique .. '","category":"Culture","children":0,"assistants":0}'
    return wrk.format("POST", "/api/v1/culturecard/uses",
      { ["X-Api-Key"] = key, ["Content-Type"] = "application/json", ["Idempotency-Key"] = unique }, body)
  end
  return wrk.format("GET", "/api/v1/culturecard/cards/" .. code, get_headers)
end

function response(status, headers, body)
  if status == 200 then gets = gets + 1
  elseif status == 201 then posts = posts + 1
  else
    other = other + 1
    statuses[status] = (statuses[status] or 0) + 1
    if other <= 3 then io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local g, p, o = 0, 0, 0
  local mode = threads[1]:get("mode")
  for _, t in ipairs(threads) do
    g = g + t:get("gets")
    p = p + t:get("posts")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT wrk mode=%s: %.0f requests/s (%d in %.1f s); GET 200: %d (%.0f/s), POST 201 = uses recorded: %d (%.0f/s); " ..
    "other statuses: %d, socket errors: %d; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    mode, summary.requests / seconds, summary.requests, seconds, g, g / seconds, p, p / seconds, o, socket,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000))
end
