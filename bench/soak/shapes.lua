-- wrk script of the soak's hostile reader: a valid read token sending a new
-- query shape each time (an isAnyOf list of 1 to 300 values, and/or with
-- up to three more conditions, one of eight sorts), and every fifth
-- request a tampered cursor (values of every JSON kind where the sort's
-- values belong). The designed answers are 200 and 400, never a 5xx, and
-- the server's memory must stay flat (a statement cache per query shape
-- once grew without bound).
-- Environment: SOAK_TOKEN, SOAK_TABLE, SOAK_SORT_SIGNATURE.
local records = "/api/table/" .. os.getenv("SOAK_TABLE") .. "/record"
local signature = os.getenv("SOAK_SORT_SIGNATURE")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SOAK_TOKEN")
wrk.headers["X-Forwarded-For"] = "203.0.113.77"

local sorts = {
  '[{"fieldId":"Qty"}]', '[{"fieldId":"Qty","order":"desc"}]', '[{"fieldId":"Name"}]',
  '[{"fieldId":"Due","order":"desc"}]', '[{"fieldId":"Bin"},{"fieldId":"Qty"}]',
  '[{"fieldId":"Done"},{"fieldId":"Name","order":"desc"}]',
  '[{"fieldId":"Qty"},{"fieldId":"Due"},{"fieldId":"Name"}]', '',
}
local junk = { '"x"', '""', '0', '1', '-1', '2147483648', '9223372036854775807',
               '18446744073709551616', '1.5', '-1e300', 'null', 'true', '[]', '{}' }

local function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function base64url(data)
  local out = {}
  for i = 1, #data, 3 do
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = 2 + (b and 1 or 0) + (c and 1 or 0)
    for k = 1, chars do
      local index = math.floor(n / 2 ^ (6 * (4 - k))) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function shape()
  local values = {}
  for v = 1, math.random(1, 300) do values[v] = '"v' .. math.random(1, 1000000) .. '"' end
  local conditions = { '{"fieldId":"Name","operator":"isAnyOf","value":[' .. table.concat(values, ",") .. "]}" }
  for extra = 1, math.random(0, 3) do
    conditions[#conditions + 1] = '{"fieldId":"Qty","operator":"isGreater","value":' .. extra .. "}"
  end
  local conjunction = math.random(2) == 1 and "and" or "or"
  local query = "?filter=" .. urlencode('{"conjunction":"' .. conjunction .. '","filterSet":[' ..
    table.concat(conditions, ",") .. "]}")
  local sort = sorts[math.random(#sorts)]
  if sort ~= "" then query = query .. "&orderBy=" .. urlencode(sort) end
  return query
end

-- A cursor of the seed's "Qty, then Name descending" sort (five parts:
-- flag and value per key, then the row's sequence) with random values.
local function tamperedCursor()
  local parts = {}
  for p = 1, 5 do parts[p] = junk[math.random(#junk)] end
  local json = '{"o":"' .. signature .. '","v":[' .. table.concat(parts, ",") .. "]}"
  return "?orderBy=" .. urlencode('[{"fieldId":"Qty"},{"fieldId":"Name","order":"desc"}]') ..
    "&cursor=" .. base64url(json)
end

function request()
  local query = math.random(5) == 1 and tamperedCursor() or shape()
  return wrk.format("GET", records .. query)
end
