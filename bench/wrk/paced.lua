-- Runs BENCH_SCRIPT (one of this folder's scripts) at a set pace instead of as fast as possible: each
-- connection waits a random time (exponential, mean BENCH_PAUSE_MS) before each request, so that 32
-- connections offer about the rate the issue names and wrk measures the latency at that rate.
-- wrk starts its clock when a request is sent, so a stall of the server delays the next requests
-- rather than showing in their latency (coordinated omission): read it beside the full-speed rows.
dofile("bench/wrk/" .. os.getenv("BENCH_SCRIPT"))
local pause = tonumber(os.getenv("BENCH_PAUSE_MS"))
delay = function()
  return -math.log(1 - math.random()) * pause
end
