-- Check whether a thread exists between an account and a person, without
-- creating one. inbox.threads.lookup returns nil when there is none.
--
--   inbox-lua examples/thread-exists.lua [username...]

local people = {...}
if #people == 0 then people = {"avaadams", "ben_hansen", "chloeokafor"} end

local links = inbox.account_links()
for _, username in ipairs(people) do
  for _, link in ipairs(links) do
    local thread = inbox.threads.lookup{accountLinkId = link.id, username = username}
    print(string.format("@%-12s ↔ @%-12s %s", link.username, username,
      thread and ("thread " .. thread.id) or "no thread"))
  end
end
