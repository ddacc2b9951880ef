-- GET a path with the bearer token (BENCH_PATH; {id} is replaced by a random seeded task id).
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH")
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "1")
request = function()
  local p = path:gsub("{id}", tostring(math.random(first, last)))
  return wrk.format("GET", p, { ["Authorization"] = "Bearer " .. token })
end
