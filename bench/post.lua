-- wrk: POST the GraphQL body in the file named by BODY (read once at start-up).
local path = os.getenv("BODY")
local file = assert(io.open(path, "rb"))
local body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
