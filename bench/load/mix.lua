-- A realistic request mix for wrk: every connection is a visitor that picks a URL by weight from a
-- list (written by lib/mix.ts from the seeded catalogue), waits a think time, and picks again.
-- Usage: wrk ... -s load/mix.lua <base-url> -- <mix-file> <think-min-ms> <think-max-ms> [kinds]
-- Mix file lines: <weight>\t<kind>\t<path>; kind is page, rsc or api. `kinds` (comma separated)
-- keeps only those kinds (used to measure the storefront's cost per render directly).
-- done() prints one BENCH_JSON line: requests by kind, answers by status and cache header.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

kinds = {}
statuses = {}
xcache = {}
gateway = {}

local paths, kindOf, cumulative, total = {}, {}, {}, 0
local thinkMin, thinkMax = 0, 0
local rscHeaders = nil

function init(args)
  local file, keep = args[1], args[4]
  thinkMin, thinkMax = tonumber(args[2] or "0"), tonumber(args[3] or "0")
  -- wrk.format does not merge wrk.headers (-H) into a table it is given: copy them.
  rscHeaders = { ["RSC"] = "1" }
  for name, value in pairs(wrk.headers) do rscHeaders[name] = value end
  local wanted = nil
  if keep and keep ~= "" then
    wanted = {}
    for k in string.gmatch(keep, "[^,]+") do wanted[k] = true end
  end
  for line in io.lines(file) do
    local weight, kind, path = string.match(line, "^([%d.]+)\t(%a+)\t(.+)$")
    if weight and (wanted == nil or wanted[kind]) then
      total = total + tonumber(weight)
      table.insert(paths, path)
      table.insert(kindOf, kind)
      table.insert(cumulative, total)
    end
  end
  -- Same sequence of picks in every run (per thread), so runs are comparable.
  math.randomseed(1000 + id)
end

local function pick()
  local r = math.random() * total
  local lo, hi = 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < r then lo = mid + 1 else hi = mid end
  end
  return lo
end

function request()
  local i = pick()
  local kind = kindOf[i]
  kinds[kind] = (kinds[kind] or 0) + 1
  if kind == "rsc" then return wrk.format("GET", paths[i], rscHeaders) end
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  local s = tostring(status)
  statuses[s] = (statuses[s] or 0) + 1
  for name, value in pairs(headers) do
    local lower = string.lower(name)
    if lower == "x-cache" then
      xcache[value] = (xcache[value] or 0) + 1
    elseif lower == "x-cache-status" then
      gateway[value] = (gateway[value] or 0) + 1
    end
  end
end

function delay()
  if thinkMax <= 0 then return 0 end
  return math.random(thinkMin, thinkMax)
end

local function add(into, from)
  for k, v in pairs(from or {}) do into[k] = (into[k] or 0) + v end
end

local function encode(t)
  local parts = {}
  for k, v in pairs(t) do table.insert(parts, string.format("%q:%d", k, v)) end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests)
  local all = { kinds = {}, statuses = {}, xcache = {}, gateway = {} }
  for _, t in ipairs(threads) do
    for name, into in pairs(all) do add(into, t:get(name)) end
  end
  io.write(string.format("BENCH_JSON {\"kinds\":%s,\"statuses\":%s,\"xcache\":%s,\"gateway\":%s}\n",
    encode(all.kinds), encode(all.statuses), encode(all.xcache), encode(all.gateway)))
end
