-- Times the json module against lua-cjson on a 10 MB v2 thread listing.
-- Run by scripts/bench-json, which builds the module and sets package.cpath.
local json = require "inbox_json"
local cjson = require "cjson"

local target_bytes = tonumber(arg[1]) or 10 * 1024 * 1024
local repetitions = tonumber(arg[2]) or 9

-- A v2 thread page (openapi-v2.json, examples/v2-thread-page-expanded.json):
-- ids, counts, dates, nulls, empty arrays and some non-ASCII and escaped text.
local names = { "Ada Lovelace", "José Álvarez", "Zoë Chen", "Ærin Ødegård",
    "山田 太郎", "Fatima 🌙 Khan", "O'Brien \"OB\"", "Ivan Petrov" }
local bios = { "Founder @acme. Building tools for sales teams.",
    "Growth at scale ✨ | ex-BigCo\nDMs open", "Café owner, \"coffee first\"",
    "", "Open source, tabs\tover spaces, Lua 5.4" }

local function iso(seconds)
    return os.date("!%Y-%m-%dT%H:%M:%S.000Z", 1700000000 + seconds)
end

local function profile(n)
    local username = ("person_%d"):format(n)
    return {
        id = ("profile%017d"):format(n), platform = "twitter",
        platformId = tostring(1500000000000000000 + n * 7919),
        username = username, handle = "@" .. username,
        displayName = names[n % #names + 1],
        avatarUrl = "https://pbs.example.com/avatars/" .. username .. ".jpg",
        bio = bios[n % #bios + 1], location = n % 3 == 0 and "Berlin" or "",
        websiteUrl = json.null, websiteDomain = json.null,
        verified = n % 11 == 0, isOrganization = n % 17 == 0,
        isProtected = false, followerCount = (n * 7717) % 400000,
        followingCount = (n * 31) % 5000, postCount = (n * 97) % 90000,
        engagementCount = (n * 13) % 20000, listedCount = n % 40,
        accountStatus = "active", platformCreatedAt = iso(-n * 86400),
        profileUrl = "https://x.com/" .. username, updatedAt = iso(n * 60),
        platformData = { _tag = "twitter", badge = json.null,
            profileType = "personal", professionalCategory = json.null,
            urlEntities = json.array(), bannerUrl = json.null,
            rawData = json.null },
    }
end

local function thread(n)
    local person = profile(n)
    return {
        id = ("thread%018d"):format(n), platform = "twitter",
        platformId = "1000000000000000001:" .. person.platformId,
        accountLinkId = ("accountlink%013d"):format(n % 2 + 1),
        profileId = person.id, contactId = ("contact%017d"):format(n),
        assigneeId = n % 4 == 0 and json.null or ("member%018d"):format(n % 5),
        isRequest = n % 9 == 0, acceptanceState = "notRequired",
        archived = false, unread = n % 2 == 0, restrictions = json.array(),
        syncing = false, typingIndicators = "teamDefault",
        lastMessage = { id = ("message%017d"):format(n * 3),
            direction = "inbound", createdAt = iso(n * 45) },
        activity = { preview = "Thanks! Could you send the pricing \"PDF\"?",
            direction = "inbound", at = iso(n * 45) },
        createdAt = iso(n * 30),
        contact = { id = ("contact%017d"):format(n),
            profiles = json.array { person },
            statusId = ("status%018d"):format(n % 4),
            tagIds = json.array { ("tag%021d"):format(n % 6) },
            notes = n % 5 == 0 and "Met at SaaStr; wants a demo." or "",
            valuation = (n % 7) * 1250 + 0.5, assigneeId = json.null,
            createdAt = iso(n * 30), updatedAt = iso(n * 50) },
        profile = person,
    }
end

local function listing()
    local page = { data = json.array(), nextCursor = "eyJvZmZzZXQiOjEwMH0" }
    local size, n = 0, 0
    while size < target_bytes do
        n = n + 1
        page.data[n] = thread(n)
        size = size + #json.encode(page.data[n]) + 1
    end
    return json.encode(page), n
end

-- Best CPU time of each contender over the repetitions.  The two take
-- turns within each round, so that load from other processes on the
-- machine weighs on both alike.
local function best_seconds(ours, theirs)
    local best = { math.huge, math.huge }
    for _ = 1, repetitions do
        for i, work in ipairs { ours, theirs } do
            collectgarbage()
            collectgarbage()
            local started = os.clock()
            work()
            best[i] = math.min(best[i], os.clock() - started)
        end
    end
    return best[1], best[2]
end

local text, threads = listing()
assert(cjson.decode(text).data[threads].id == json.decode(text).data[threads].id)
local ours_value, cjson_value = json.decode(text), cjson.decode(text)

local results = {
    { "decode", best_seconds(function() json.decode(text) end,
        function() cjson.decode(text) end) },
    { "encode", best_seconds(function() json.encode(ours_value) end,
        function() cjson.encode(cjson_value) end) },
}

local megabytes = #text / 1e6
print(("bench-json: %.1f MB listing, %d threads, best of %d runs (CPU time)")
    :format(megabytes, threads, repetitions))
for _, row in ipairs(results) do
    local name, ours, theirs = row[1], row[2], row[3]
    print(("%s: json %.1f ms (%.0f MB/s), cjson %.1f ms (%.0f MB/s), "
        .. "ratio %.2fx"):format(name, ours * 1e3, megabytes / ours,
        theirs * 1e3, megabytes / theirs, theirs / ours))
end

-- What the speed is bought with: cjson loses the id's digits and the
-- emptiness of arrays; json keeps both.
local sample = '{"tags":[],"id":1566123362161725441}'
print(("round trip of %s: json %s, cjson %s"):format(sample,
    json.pretty(json.decode(sample)):gsub("%s+", ""),
    (cjson.encode(cjson.decode(sample)))))
