-- POST /api/tasks/{id}/progress: each request is one of BENCH_TOKENS' officials (a line "token first last")
-- reporting on one of their own tasks, with If-Match: * (whatever the current version).
local pool = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  local token, first, last = line:match("(%S+) (%d+) (%d+)")
  pool[#pool + 1] = { token = token, first = tonumber(first), last = tonumber(last) }
end
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local who = pool[math.random(1, #pool)]
  return wrk.format("POST", "/api/tasks/" .. math.random(who.first, who.last) .. "/progress", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. who.token,
    ["If-Match"] = "*",
  }, '{"cumulativeQuantity":' .. math.random(1, 9) .. ',"note":"Tiến độ tuần"}')
end
