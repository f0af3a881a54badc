-- wrk script for the Kaikukortti ticket desk: random valid card codes from a file; look a card up and record a use.
--   wrk -t2 -c32 -d30s --latency -s desk.lua http://127.0.0.1:5090 -- codes.txt API-KEY [mixed|post|get]
--   wrk -t2 -c32 -d30s --latency -s desk.lua http://127.0.0.1:5090 -- codes.txt - page COOKIE-HEADER FORM-TOKEN
-- mixed: requests alternate GET /api/v1/culturecard/cards/{code} and POST /api/v1/culturecard/uses (per thread).
-- page: the desk page's own requests as desk.js sends them (signed-in venue account, antiforgery token, the
-- X-Desk-Fragment header): alternate POST ?handler=Lookup and POST ?handler=Record.
-- Every use has a unique event name (so no second-use confirmation), one adult, no children; API uses a unique
-- Idempotency-Key. Expected answers: GET 200, POST 201 (API); 200 with data-outcome CARD_VALID / USE_RECORDED (page);
-- anything else is counted as an error and its status (or outcome) printed.

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
  cookie = args[4]
  token = args[5]
end

local function urlencode(v)
  return (string.gsub(v, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function form(fields)
  local parts = {}
  for i = 1, #fields, 2 do parts[#parts + 1] = fields[i] .. "=" .. urlencode(fields[i + 1]) end
  return table.concat(parts, "&")
end

function request()
  counter = counter + 1
  local code = codes[math.random(#codes)]
  if mode == "page" then
    local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Desk-Fragment"] = "1" }
    if counter % 2 == 1 then
      return wrk.format("POST", "/culturecard/desk?handler=Lookup", headers,
        form({ "Lookup.Code", code, "Lookup.EventId", "", "__RequestVerificationToken", token }))
    end
    local unique = "wrk-" .. run .. "-" .. id .. "-" .. counter
    return wrk.format("POST", "/culturecard/desk?handler=Record", headers, form({
      "Record.Code", code, "Record.EventId", "", "Record.EventName", "bench " .. unique, "Record.Category", "Culture",
      "Record.UseDate", "", "Record.Adults", "1", "Record.Children", "0", "Record.Assistants", "0", "Record.Method", "Scanner",
      "__RequestVerificationToken", token }))
  end
  if mode == "post" or (mode == "mixed" and counter % 2 == 0) then
    local unique = "wrk-" .. run .. "-" .. id .. "-" .. counter
    local body = '{"code":"' .. code .. '","eventName":"bench ' .. unique .. '","category":"Culture","children":0,"assistants":0}'
    return wrk.format("POST", "/api/v1/culturecard/uses",
      { ["X-Api-Key"] = key, ["Content-Type"] = "application/json", ["Idempotency-Key"] = unique }, body)
  end
  return wrk.format("GET", "/api/v1/culturecard/cards/" .. code, get_headers)
end

function response(status, headers, body)
  if mode == "page" then
    -- As a browser does: take the renewed session cookie (the sign-in's security stamp is checked again, and the
    -- cookie re-issued, once a minute; a client that kept the first cookie would be checked on every request).
    local set = headers["Set-Cookie"]
    local renewed = set and string.match(set, "(vakka%.session=[^;]*)")
    if renewed then cookie = string.gsub(cookie, "vakka%.session=[^;]*", function() return renewed end) end
    local outcome = status == 200 and body and string.match(body, 'data%-outcome="([%w_]+)"') or tostring(status)
    if outcome == "CARD_VALID" then gets = gets + 1
    elseif outcome == "USE_RECORDED" then posts = posts + 1
    else
      other = other + 1
      statuses[outcome] = (statuses[outcome] or 0) + 1
      if other <= 3 then io.stderr:write("answer " .. outcome .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
    end
    return
  end
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
  io.write(string.format("RESULT wrk mode=%s: %.0f requests/s (%d in %.1f s); GET 200 / page CARD_VALID: %d (%.0f/s), POST 201 / page USE_RECORDED = uses recorded: %d (%.0f/s); " ..
    "other statuses: %d, socket errors: %d; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    mode, summary.requests / seconds, summary.requests, seconds, g, g / seconds, p, p / seconds, o, socket,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000))
end
