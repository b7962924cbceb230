-- wrk places orders through POST /api/orders as a storefront's API client does: every request a distinct lawful
-- buyer (the next ID of the file the benchmark wrote) with an Idempotency-Key of its own. Arguments: the file of
-- resident ID numbers, one a line, and a prefix that keeps this run's keys apart from every other run's.
-- After the run it writes its counts and latencies (in microseconds) for the benchmark to read.

local skus = {"DRG-LOR-10", "DRG-IBU-200", "DEV-BAND-40", "DRG-OME-20"}
local body = '{"lines":[{"sku":"%s","quantity":1}],'
    .. '"buyer":{"name":"王五","idNumber":"%s","phone":"13912345678"},'
    .. '"consignee":{"name":"王五","phone":"13912345678","address":"北京市东城区东长安街1号"}}'
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    ids = {}
    for line in io.lines(args[1]) do
        ids[#ids + 1] = line
    end
    prefix = args[2]
    sent = 0
    placed = 0
    refused = 0
end

function request()
    sent = sent + 1
    local id = ids[sent]
    if id == nil then
        error("the benchmark wrote " .. #ids .. " buyers, too few for this run")
    end
    return wrk.format("POST", "/api/orders", {
        ["Content-Type"] = "application/json",
        ["Idempotency-Key"] = prefix .. sent
    }, string.format(body, skus[sent % #skus + 1], id))
end

function response(status, headers, answer)
    if status == 201 then
        placed = placed + 1
    else
        refused = refused + 1
        if refused <= 5 then
            io.stderr:write("unexpected " .. status .. ": " .. string.sub(answer, 1, 300) .. "\n")
        end
    end
end

function done(summary, latency, requests)
    local placedAll, refusedAll = 0, 0
    for _, thread in ipairs(threads) do
        placedAll = placedAll + thread:get("placed")
        refusedAll = refusedAll + thread:get("refused")
    end
    local errors = summary.errors
    io.write(string.format("wrk-result placed=%d refused=%d broken=%d duration_us=%d\n", placedAll, refusedAll,
        errors.connect + errors.read + errors.write + errors.timeout, summary.duration))
    io.write(string.format("wrk-latency p50=%d p99=%d max=%d\n", latency:percentile(50), latency:percentile(99),
        latency.max))
end
