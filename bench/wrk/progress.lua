-- POST /api/tasks/{id}/progress on a random seeded task of the token's holder (If-Match: * = any version).
local token = os.getenv("BENCH_TOKEN")
local first = tonumber(os.getenv("BENCH_FIRST_ID"))
local last = tonumber(os.getenv("BENCH_LAST_ID"))
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local id = math.random(first, last)
  return wrk.format("POST", "/api/tasks/" .. id .. "/progress", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["If-Match"] = "*",
  }, '{"cumulativeQuantity":' .. math.random(1, 9) .. ',"note":"Tiến độ tuần"}')
end
