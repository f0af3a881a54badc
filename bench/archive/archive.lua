-- wrk script for the archive API: each request archives a new version-1 document, POST /api/v1/archive/documents.
--   wrk -t2 -c32 -d30s --latency -s archive.lua http://127.0.0.1:5092 -- api-template.xml clients.txt API-KEY OID-PREFIX
-- api-template.xml: a valid CDA document (an archived one's exact bytes) with "@@OID@@" where its document OID stands
-- (twice: id and setId, the same root in a version-1 document) and "@@HETU@@" for its client. Each request puts in
-- a new OID, OID-PREFIX.<run>.<thread>.<counter>, and a random client from clients.txt (henkilötunnus values, one a
-- line), so every request is a new, valid document. Expected answer: 201; anything else is counted and its status
-- (and the first three bodies) printed.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- The template cut at its markers: literal pieces and the names of the values between them.
local function cut(text)
  local parts, at = {}, 1
  while true do
    local s, e, name = string.find(text, "@@(%u+)@@", at)
    if not s then break end
    parts[#parts + 1] = string.sub(text, at, s - 1)
    parts[#parts + 1] = { name }
    at = e + 1
  end
  parts[#parts + 1] = string.sub(text, at)
  return parts
end

function init(args)
  local f = assert(io.open(args[1], "rb"))
  parts = cut(f:read("*a"))
  f:close()
  clients = {}
  for line in io.lines(args[2]) do
    if #line > 0 then clients[#clients + 1] = line end
  end
  key = args[3]
  prefix = args[4]
  run = tostring(os.time())
  math.randomseed(os.time() * 1000 + id)
  counter = 0
  created, other = 0, 0
  statuses = {}
  headers = { ["X-Api-Key"] = key, ["Content-Type"] = "application/xml" }
end

function request()
  counter = counter + 1
  local values = { OID = prefix .. "." .. run .. "." .. id .. "." .. counter, HETU = clients[math.random(#clients)] }
  local body = {}
  for i, part in ipairs(parts) do
    body[i] = type(part) == "table" and values[part[1]] or part
  end
  return wrk.format("POST", "/api/v1/archive/documents", headers, table.concat(body))
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  else
    other = other + 1
    statuses[status] = (statuses[status] or 0) + 1
    if other <= 3 then io.stderr:write("status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT wrk archive: %.0f documents/s archived (201: %d in %.1f s); %d requests (%.0f/s); other statuses: %d, socket errors: %d; " ..
    "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    c / seconds, c, seconds, summary.requests, summary.requests / seconds, o, socket,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000))
end
