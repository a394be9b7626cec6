-- List one account's threads: the first page of @acmecorp's inbox, newest
-- first, with the person and the latest activity.
--
--   inbox-lua examples/account-threads.lua [username] [how many]

local username, count = ...
username = username or "acmecorp"
local wanted = tonumber(count) or 5

local link
for _, candidate in ipairs(inbox.account_links()) do
  if candidate.username == username then link = candidate end
end
assert(link, "no account link @" .. username)

local threads = inbox.threads.list{accountLinkId = link.id, max = wanted}
print(string.format("@%s (%s): %d threads shown", link.username, link.id, #threads))
for _, thread in ipairs(threads) do
  local person = inbox.people.get(thread.contactId).profiles[1]
  print(string.format("  %s  @%-16s %-8s %s", thread.id, person.username,
    thread.activity.direction, thread.activity.preview))
end
