-- wrk sends each request body of a file once, in the file's order, as many in flight as it has connections, and stops
-- when the last is answered. Arguments: the file (one body a line), the path to POST to, the status that answers a
-- request as expected, the content type, the Authorization header ("-" for none) and a prefix for an Idempotency-Key
-- of each request's own ("-" for none). It writes what it counted and the time from the first request sent to the last
-- answer (microseconds, on the monotonic clock), then the latencies wrk measured, for the benchmark to read.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long seconds; long nanos; } send_each_time;
int clock_gettime(int clock, send_each_time *now);
int getpid(void);
int kill(int pid, int signal);
]]
local MONOTONIC = 1
local SIGINT = 2

local function micros()
    local now = ffi.new("send_each_time")
    ffi.C.clock_gettime(MONOTONIC, now)
    return tonumber(now.seconds) * 1000000 + math.floor(tonumber(now.nanos) / 1000)
end

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    bodies = {}
    for line in io.lines(args[1]) do
        bodies[#bodies + 1] = line
    end
    path = args[2]
    expected = tonumber(args[3])
    headers = {["Content-Type"] = args[4]}
    if args[5] ~= "-" then
        headers["Authorization"] = args[5]
    end
    if args[6] ~= "-" then
        prefix = args[6]
    end
    taken = 0
    sent = 0
    answered = 0
    unexpected = 0
    elapsed = -1
end

-- wrk asks for a delay before every request it sends, and not when it calls request() once on its own to check the
-- script's request: so the first delay marks the start, each delay of no time takes a body for the request that
-- follows it, and a connection left with none to take waits an hour.
function delay()
    if started == nil then
        started = micros()
    end
    if taken < #bodies then
        taken = taken + 1
        return 0
    end
    return 3600000
end

function request()
    if started ~= nil then
        sent = sent + 1
    end
    if prefix ~= nil then
        headers["Idempotency-Key"] = prefix .. sent
    end
    return wrk.format("POST", path, headers, bodies[math.max(sent, 1)])
end

-- when the last body is answered the thread stops and wrk is interrupted as by Ctrl-C, which ends its wait for
-- --duration and has it write its summary
function response(status, headers, answer)
    answered = answered + 1
    if status ~= expected then
        unexpected = unexpected + 1
        if unexpected <= 5 then
            io.stderr:write("unexpected " .. status .. ": " .. string.sub(answer, 1, 300) .. "\n")
        end
    end
    if answered == #bodies then
        elapsed = micros() - started
        wrk.thread:stop()
        ffi.C.kill(ffi.C.getpid(), SIGINT)
    end
end

function done(summary, latency, requests)
    -- one thread: its counts are the run's
    local thread = threads[1]
    local elapsed = thread:get("elapsed")
    local errors = summary.errors
    io.write(string.format("wrk-result answered=%d unexpected=%d broken=%d all=%s duration_us=%d\n",
        thread:get("answered"), thread:get("unexpected"), errors.connect + errors.read + errors.write + errors.timeout,
        tostring(elapsed >= 0), elapsed >= 0 and elapsed or summary.duration))
    io.write(string.format("wrk-latency p50=%d p99=%d max=%d\n", latency:percentile(50), latency:percentile(99),
        latency.max))
end
