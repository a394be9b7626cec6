-- Triage the no-reply folder: every thread whose latest message is theirs
-- gets an owner and, for big accounts, the VIP tag. Assignment rules are data:
-- the first rule that matches names the member.
--
--   inbox-lua --dry-run examples/triage-no-reply.lua [how many threads]

local wanted = tonumber((...)) or 6

local members = {}
for _, member in ipairs(inbox.members()) do members[member.name] = member end

local assignment = {
  {name = "VIPs go to the owner", member = "Dana Whitfield",
    when = function(profile) return profile.followerCount >= 100000 end},
  {name = "companies go to sales", member = "Luis Ortega",
    when = function(profile) return profile.isOrganization end},
  {name = "everyone else", member = "Priya Raman",
    when = function() return true end},
}

local function assignee(profile)
  for _, rule in ipairs(assignment) do
    if rule.when(profile) then return members[rule.member], rule.name end
  end
end

local counts = {}
for thread in inbox.threads{folder = "noReply", order = "asc", max = wanted} do
  local person = inbox.people.get(thread.contactId)
  local profile = person.profiles[1]
  local member, rule = assignee(profile)
  if thread.assigneeId ~= member.id then
    inbox.threads.update(thread.id, {assigneeId = member.id})
  end
  local vip = profile.followerCount >= 100000
  if vip then inbox.people.tag(person.id, {tag = "VIP"}) end
  counts[member.name] = (counts[member.name] or 0) + 1
  log.info("thread triaged", {thread = thread.id, rule = rule})
  print(string.format("%s  @%-16s → %-15s (%s)%s", thread.id, profile.username, member.name,
    rule, vip and ", tagged VIP" or ""))
end

local names = {}
for name in pairs(counts) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do print(string.format("%-15s %d", name, counts[name])) end
