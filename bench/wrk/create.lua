-- POST /api/tasks: a new task with one milestone, assigned by the token's holder.
local token = os.getenv("BENCH_TOKEN")
local owner = os.getenv("BENCH_OWNER")
wrk.method = "POST"
wrk.path = "/api/tasks"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"title":"Bê tông hóa đường thôn","product":{"description":"Đường bê tông rộng 3 m","unit":"km","targetQuantity":12,"kind":"output"},' ..
  '"ownerUserName":"' .. owner .. '","dueDate":"2027-06-30","startDate":"2027-01-01",' ..
  '"milestones":[{"title":"Nửa đầu","dueDate":"2027-03-31","cumulativeQuantity":6}]}'
