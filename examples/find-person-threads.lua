-- Find every thread with a person across all of the team's accounts, by
-- username, then pick the one on the preferred account if there is one.
--
--   inbox-lua examples/find-person-threads.lua [username] [preferred account]

local username, preferred = ...
username = username or "ben_hansen"
preferred = preferred or "acmecorp"

local names = {}
for _, link in ipairs(inbox.account_links()) do names[link.id] = link.username end

local threads = inbox.threads.find{username = username}
print(string.format("@%s has %d thread(s)", username, #threads))
local chosen = threads[1]
for _, thread in ipairs(threads) do
  print(string.format("  on @%-12s %s  archived=%s", names[thread.accountLinkId], thread.id,
    tostring(thread.archived)))
  if names[thread.accountLinkId] == preferred then chosen = thread end
end
if chosen then
  print("reply in " .. chosen.id .. " (@" .. names[chosen.accountLinkId] .. ")")
end
