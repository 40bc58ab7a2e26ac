/**
 * Lua scripts for the cart hash. Each runs atomically in Redis, so two parallel writes to one
 * cart (two tabs adding the same product, a merge racing an add) both count and no limit is
 * overshot. Hash layout: `line:<lineId>` → line JSON, `updatedAt` → ISO time.
 */

const countLines = `
local function countLines(key)
  local n = redis.call('HLEN', key)
  if redis.call('HEXISTS', key, 'updatedAt') == 1 then n = n - 1 end
  return n
end
`;

/**
 * KEYS[1] cart · ARGV lineId, new-line JSON, quantity to add, max lines, max per line, stock, ttl, now.
 * Returns {status, value}: OK/new quantity, LINES/line count, QUANTITY/current quantity, STOCK/current quantity.
 */
export const ADD_LINE = `${countLines}
local field = 'line:' .. ARGV[1]
local template = cjson.decode(ARGV[2])
local current = redis.call('HGET', KEYS[1], field)
local line
local have = 0
if current then
  line = cjson.decode(current)
  have = line.quantity
else
  if countLines(KEYS[1]) >= tonumber(ARGV[4]) then return {'LINES', countLines(KEYS[1])} end
  line = template
end
local want = have + tonumber(ARGV[3])
if want > tonumber(ARGV[5]) then return {'QUANTITY', have} end
if want > tonumber(ARGV[6]) then return {'STOCK', have} end
line.quantity = want
-- Adding again means the shopper has just seen the current price.
line.priceWhenAdded = template.priceWhenAdded
line.name = template.name
-- HSET answers how many fields are new: both (the line and updatedAt) on a cart that was empty.
local added = redis.call('HSET', KEYS[1], field, cjson.encode(line), 'updatedAt', ARGV[8])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
return {'OK', want, added}
`;

/** KEYS[1] cart · ARGV lineId, quantity, max per line, stock, ttl, now. Returns {status, value}. */
export const SET_QUANTITY = `
local field = 'line:' .. ARGV[1]
local current = redis.call('HGET', KEYS[1], field)
if not current then return {'MISSING', 0} end
local line = cjson.decode(current)
local want = tonumber(ARGV[2])
if want > tonumber(ARGV[3]) then return {'QUANTITY', line.quantity} end
if want > tonumber(ARGV[4]) and want > line.quantity then return {'STOCK', line.quantity} end
line.quantity = want
redis.call('HSET', KEYS[1], field, cjson.encode(line), 'updatedAt', ARGV[6])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[5]))
return {'OK', want}
`;

/** KEYS[1] cart · ARGV lineId, ttl, now. Returns 1 when removed, 0 when the line was not there. */
export const REMOVE_LINE = `${countLines}
if redis.call('HDEL', KEYS[1], 'line:' .. ARGV[1]) == 0 then return 0 end
if countLines(KEYS[1]) == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'updatedAt', ARGV[3])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return 1
`;

/**
 * KEYS[1] guest cart, KEYS[2] member cart, KEYS[3] merge marker · ARGV caps JSON {lineId: cap},
 * max lines, max per line, member ttl, now, member id, marker ttl.
 * Same product+option: quantities add, capped by stock (never below what the member already had);
 * new lines: capped by stock, dropped when none is available or the cart is full.
 * Returns {'EMPTY', marker} when there is nothing to merge, else {'MERGED', JSON summary}.
 */
export const MERGE = `${countLines}
local guest = redis.call('HGETALL', KEYS[1])
if #guest == 0 then return {'EMPTY', redis.call('GET', KEYS[3]) or ''} end
local caps = cjson.decode(ARGV[1])
local maxLines, maxQty = tonumber(ARGV[2]), tonumber(ARGV[3])
local count = countLines(KEYS[2])
local merged, capped, dropped = {}, {}, {}
for i = 1, #guest, 2 do
  local field = guest[i]
  if string.sub(field, 1, 5) == 'line:' then
    local id = string.sub(field, 6)
    local g = cjson.decode(guest[i + 1])
    local cap = math.min(tonumber(caps[id] or maxQty), maxQty)
    local current = redis.call('HGET', KEYS[2], field)
    if current then
      local m = cjson.decode(current)
      local want = m.quantity + g.quantity
      local q = math.min(want, math.max(cap, m.quantity))
      if q < want then table.insert(capped, id) end
      m.quantity = q
      redis.call('HSET', KEYS[2], field, cjson.encode(m))
      table.insert(merged, id)
    elseif count >= maxLines or cap <= 0 then
      table.insert(dropped, id)
    else
      local q = math.min(g.quantity, cap)
      if q < g.quantity then table.insert(capped, id) end
      g.quantity = q
      redis.call('HSET', KEYS[2], field, cjson.encode(g))
      count = count + 1
      table.insert(merged, id)
    end
  end
end
if count > 0 then
  redis.call('HSET', KEYS[2], 'updatedAt', ARGV[5])
  redis.call('EXPIRE', KEYS[2], tonumber(ARGV[4]))
end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[3], ARGV[6], 'EX', tonumber(ARGV[7]))
return {'MERGED', cjson.encode({merged = merged, capped = capped, dropped = dropped})}
`;
