-- wrk script of the soak's users: each request is, at random, a token
-- GET of one record (60%), a list of 100 (15%), a POST of one record (15%)
-- or a PATCH (10%), from one of 50 client addresses (X-Forwarded-For,
-- through the trusted loopback proxy). Every answer must be a 2xx.
-- Environment: SOAK_TOKEN, SOAK_TABLE, SOAK_RECORD.
local token = os.getenv("SOAK_TOKEN")
local records = "/api/table/" .. os.getenv("SOAK_TABLE") .. "/record"
local one = records .. "/" .. os.getenv("SOAK_RECORD")
local post = '{"records":[{"fields":{"Name":"soak","Qty":7,"Bin":"A"}}]}'
local patch = '{"fields":{"Qty":42}}'

function request()
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["X-Forwarded-For"] = "198.51.100." .. math.random(1, 50),
    ["Content-Type"] = "application/json",
  }
  local pick = math.random(100)
  if pick <= 60 then return wrk.format("GET", one, headers) end
  if pick <= 75 then return wrk.format("GET", records .. "?take=100", headers) end
  if pick <= 90 then return wrk.format("POST", records, headers, post) end
  return wrk.format("PATCH", one, headers, patch)
end
