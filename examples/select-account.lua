-- Choose the sending account by rules: people with at least 100,000 followers
-- hear from @acmecorp, everyone else from @acmesupport.
--
--   inbox-lua examples/select-account.lua [how many people, default 8]

local rules = {
  {
    name = "big accounts",
    when = function(profile)
      return profile.followerCount >= 100000
    end,
    use = "acmecorp",
  },
  default = "acmesupport",
}

local wanted = tonumber((...)) or 8
local seen = 0
for thread in inbox.threads{folder = "all", order = "asc"} do
  local person = inbox.people.get(thread.contactId)
  local profile = person.profiles[1]
  local link, rule = inbox.rules.choose(rules, profile)
  print(string.format("@%-16s → @%-12s %s  (followers %d, rule: %s)",
    profile.username, link.username, link.id, profile.followerCount, rule))
  seen = seen + 1
  if seen == wanted then break end
end
