-- GET a path (BENCH_PATH; {id} becomes a random seeded task id) with the bearer token, or with
-- the page login cookie when BENCH_COOKIE is set.
local token = os.getenv("BENCH_TOKEN")
local cookie = os.getenv("BENCH_COOKIE")
local path = os.getenv("BENCH_PATH")
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "1")
request = function()
  local p = path:gsub("{id}", tostring(math.random(first, last)))
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie else headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", p, headers)
end
