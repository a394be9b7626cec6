-- Answer VIPs from the right account. For each thread awaiting our reply with
-- someone of 100,000+ followers, the rules pick the account that should answer:
-- if it is the thread's own account, reply in the thread; otherwise send from
-- the chosen account to the person (which reuses or opens that account's thread).
--
--   inbox-lua --dry-run examples/answer-vips.lua [how many threads]

local wanted = tonumber((...)) or 4

local rules = {
  {name = "press", use = "acmecorp",
    when = function(profile) return (profile.bio or ""):find("Journalist") ~= nil end},
  {name = "big accounts", use = "acmecorp",
    when = function(profile) return profile.followerCount >= 100000 end},
  default = "acmesupport",
}

local answered = 0
for thread in inbox.threads{folder = "noReply", order = "asc"} do
  local person = inbox.people.get(thread.contactId)
  local profile = person.profiles[1]
  if profile.followerCount >= 100000 then
    local link, rule = inbox.rules.choose(rules, profile)
    local text = "Thanks for reaching out, " .. profile.displayName .. "! We're on it."
    local sent
    if link.id == thread.accountLinkId then
      sent = inbox.messages.send{threadId = thread.id, content = text}
    else
      sent = inbox.messages.send{accountLinkId = link.id, contactId = person.id, content = text}
    end
    print(string.format("@%-16s %9d followers  rule %-14s from @%-12s %s", profile.username,
      profile.followerCount, '"' .. rule .. '"', link.username,
      sent.thread.id == thread.id and "in the same thread" or "in its own thread"))
    answered = answered + 1
    if answered == wanted then break end
  end
end
