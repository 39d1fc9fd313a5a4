/**
 * The Lua scripts of the Redis run log. Each runs atomically, so an owner check and the writes it
 * guards cannot interleave with another instance's. Times come from the Redis server (`TIME`), so
 * instances with skewed clocks agree on leases.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: thread, run, active. ARGV: runId, threadId, owner, leaseMs, resumable, context, bodyHash,
 * recordMs. Returns the active run id when the thread is busy, "!exists" for a reused id, else nil.
 */
export const START = `${NOW}
local current = redis.call('GET', KEYS[1])
if current then return current end
if redis.call('EXISTS', KEYS[2]) == 1 then return '!exists' end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'threadId', ARGV[2], 'owner', ARGV[3], 'resumable', ARGV[5],
  'context', ARGV[6], 'bodyHash', ARGV[7], 'lastSeq', 0, 'ended', '',
  'leaseUntil', now + tonumber(ARGV[4]), 'stop', 0)
redis.call('PEXPIRE', KEYS[2], ARGV[8])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[4]), ARGV[1])
return false`;

/** Lua: calls `fn` with the data key of each append in the log `KEYS[2]` up to id `0-<upTo>`. */
const EACH_DATA = `local function eachData(upTo, fn)
  for _, item in ipairs(redis.call('XRANGE', KEYS[2], '-', upTo)) do
    local fields = item[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'k' then fn(fields[i + 1]) end
    end
  end
end`;

/**
 * KEYS: run, log, thread, active, data. ARGV: owner, maxEntries, graceMs, recordMs, channel,
 * runId, first seq, last seq, end reason or "". The append's SSE frames are already in the data
 * key (see RedisRunLog.append): this checks the owner and the numbering and only then adds the
 * append to the log, as one stream entry with id `0-<last seq>` naming its data key (older appends
 * are trimmed by MINID, whole, with their data, while the rest holds maxEntries). A refused
 * append's data key is deleted. Returns "ok", "fenced" or "seq".
 */
export const APPEND = `${EACH_DATA}
local info = redis.call('HMGET', KEYS[1], 'owner', 'lastSeq', 'ended', 'resumable')
local refused = false
if not info[1] or info[1] ~= ARGV[1] or info[3] ~= '' then
  refused = 'fenced'
elseif tonumber(ARGV[7]) ~= tonumber(info[2]) + 1 then
  refused = 'seq'
end
if refused then
  redis.call('DEL', KEYS[5])
  return refused
end
local last = tonumber(ARGV[8])
local keep = math.max(0, last - tonumber(ARGV[2]) + 1)
if keep > 1 then eachData('0-' .. (keep - 1), function(key) redis.call('DEL', key) end) end
local ended = ARGV[9]
if ended ~= '' then
  redis.call('XADD', KEYS[2], 'MINID', '0-' .. keep, '0-' .. last, 'k', KEYS[5], 'e', ended)
else
  redis.call('XADD', KEYS[2], 'MINID', '0-' .. keep, '0-' .. last, 'k', KEYS[5])
end
redis.call('HSET', KEYS[1], 'lastSeq', last)
if ended ~= '' then
  redis.call('HSET', KEYS[1], 'ended', ended)
  if info[4] == '0' then
    -- A run without a log (the client did not opt in) can never be resumed: forget it now.
    eachData('+', function(key) redis.call('DEL', key) end)
    redis.call('DEL', KEYS[1], KEYS[2])
  else
    eachData('+', function(key) redis.call('PEXPIRE', key, ARGV[3]) end)
    redis.call('PEXPIRE', KEYS[2], ARGV[3])
    redis.call('PEXPIRE', KEYS[1], ARGV[4])
  end
  if redis.call('GET', KEYS[3]) == ARGV[6] then redis.call('DEL', KEYS[3]) end
  redis.call('ZREM', KEYS[4], ARGV[6])
else
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
end
redis.call('PUBLISH', ARGV[5], last)
return 'ok'`;

/**
 * KEYS: log. ARGV: after, limit. The appends holding the entries after `after`, up to `limit`
 * entries, as {id, frames, end reason or ""} (the first may start before `after + 1`); it stops
 * before an append whose data has expired (its reader then finds the events gone).
 */
export const READ = `local after = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local out = {}
local from = '0-' .. (after + 1)
-- An append can hold many entries or one: ask for one, then twice as many each time.
local count = 1
while true do
  local page = redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', count)
  for _, item in ipairs(page) do
    local fields = item[2]
    local data, reason = false, ''
    for i = 1, #fields, 2 do
      if fields[i] == 'k' then data = redis.call('GET', fields[i + 1])
      elseif fields[i] == 'e' then reason = fields[i + 1] end
    end
    if not data then return out end
    out[#out + 1] = {item[1], data, reason}
    if tonumber(string.sub(item[1], 3)) - after >= limit then return out end
  end
  if #page < count then return out end
  from = '(' .. page[#page][1]
  count = math.min(count * 2, 64)
end`;

/** KEYS: run, active. ARGV: owner, leaseMs, runId, recordMs. Returns {held, stop}. */
export const RENEW = `${NOW}
local info = redis.call('HMGET', KEYS[1], 'owner', 'ended', 'stop')
if not info[1] then return {0, 0} end
if info[1] ~= ARGV[1] or info[2] ~= '' then return {0, tonumber(info[3])} end
redis.call('HSET', KEYS[1], 'leaseUntil', now + tonumber(ARGV[2]))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, tonumber(info[3])}`;

/** KEYS: run, active. ARGV: owner, leaseMs, runId. Returns 1 when taken over. */
export const TAKE_OVER = `${NOW}
local info = redis.call('HMGET', KEYS[1], 'owner', 'ended', 'leaseUntil')
if not info[1] or info[2] ~= '' or tonumber(info[3]) > now then return 0 end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'leaseUntil', now + tonumber(ARGV[2]))
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[3])
return 1`;

/** KEYS: active. ARGV: limit. Unended runs whose lease ran out. */
export const EXPIRED = `${NOW}
return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))`;

/** KEYS: run. Sets the stop flag of an unended run; 1 when set. */
export const STOP = `local ended = redis.call('HGET', KEYS[1], 'ended')
if ended == false or ended ~= '' then return 0 end
redis.call('HSET', KEYS[1], 'stop', 1)
return 1`;
