-- Inbox ids and platform ids. Every object has an Inbox `id` (lowercase
-- letters and digits), which the API's paths and *Id fields take, and most
-- have a `platformId`: X's own numeric id, which stays an exact string.

for _, link in ipairs(inbox.account_links()) do
  print(string.format("@%-12s id %s  platformId %s", link.username, link.id, link.platformId))
end

local thread = inbox.threads.list{max = 1}[1]
print("thread id " .. thread.id .. "  platformId " .. thread.platformId)
print("  (an X conversation id: both user ids, smaller first)")

-- Passing X's id where the Inbox id belongs is caught before any request.
local support = inbox.account_links()[2]
local ok, message = pcall(inbox.threads.lookup, {
  accountLinkId = support.platformId, username = "ben_hansen",
})
print(message)

-- 64-bit ids stay exact when they travel as numbers, too.
local decoded = json.decode('{"platformId": 1566123362161725441}')
print(math.type(decoded.platformId), decoded.platformId)
