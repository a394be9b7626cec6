-- Send from a specific account: look the account link up by its username and
-- pass its Inbox id as accountLinkId. The person is named by their X user id.
--
--   inbox-lua --dry-run examples/send-from-account.lua [username]

local username = (...) or "acmesupport"

local from
for _, link in ipairs(inbox.account_links()) do
  if link.username == username then from = link end
end
assert(from, "no account link @" .. username)

-- Someone @acmesupport already talks to, and someone it does not.
local known = inbox.people.lookup{username = "ben_hansen"}
local stranger = inbox.people.lookup{username = "diego_vargas"}

for _, person in ipairs{known, stranger} do
  local profile = person.profiles[1]
  local before = inbox.threads.lookup{accountLinkId = from.id, platformId = profile.platformId}
  local sent = inbox.messages.send{
    accountLinkId = from.id,
    platformId = profile.platformId,
    content = "Hi " .. profile.displayName .. ", this is Acme Support.",
  }
  print(string.format("@%s → @%s: %q", from.username, profile.username, sent.message.content))
  if before then
    print("  into the existing thread " .. before.id .. ": " .. tostring(before.id == sent.thread.id))
  else
    print("  no thread yet: the send opened one")
  end
end
