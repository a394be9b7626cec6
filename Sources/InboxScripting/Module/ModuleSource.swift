/// The Lua side of the modules: assembling `inbox` from the bindings, and `inbox.rules`.
enum ModuleSource {
    /// Receives `install`, the binding entries, the log functions as `{name, fn}` pairs, the
    /// print sink (or nil), the rules chunk, the sandbox flag and `protect`; builds the `inbox`
    /// table and installs the modules.
    static let bootstrap = #"""
        local install, entries, logEntries, writeLine, rulesChunk, sandboxed, protect = ...
        local setmetatable, rawget, type = setmetatable, rawget, type
        local inbox = {}
        local docs = setmetatable({}, {__mode = "k"})

        -- The table at a dotted path below inbox, created on demand.
        local function tableAt(path)
          local node = inbox
          for key in path:gmatch("%.([%w_]+)") do
            local child = rawget(node, key)
            if child == nil then
              child = {}
              node[key] = child
            end
            node = child
          end
          return node
        end

        -- Each entry is {name, fn, signature, summary, callable}.
        for _, entry in ipairs(entries) do
          local name, fn, signature, summary, callable =
            entry[1], entry[2], entry[3], entry[4], entry[5]
          local doc = {name = name, signature = signature, summary = summary}
          if callable then
            local node = tableAt(name)
            setmetatable(node, {__call = fn})
            docs[node] = doc  -- only the table: help() lists each documented key once
          else
            local parent = tableAt(name:match("^(.*)%.[%w_]+$"))
            parent[name:match("([%w_]+)$")] = fn
            docs[fn] = doc
          end
        end
        inbox.contacts = inbox.people
        inbox.prospects = inbox.people

        -- Each log entry is {name, fn}.
        local log = {}
        for _, entry in ipairs(logEntries) do
          log[entry[1]] = entry[2]
        end
        rulesChunk(inbox, log, docs)

        -- In the sandbox, nested tables become read-only views too (install wraps the top),
        -- so that one rule script cannot replace inbox.threads.list for the next; protect
        -- makes them the same views as the standard libraries', which rawset refuses.
        local function readonly(parent, key)
          local node = parent[key]
          for child, value in pairs(node) do
            if type(value) == "table" then readonly(node, child) end
          end
          protect(parent, key)
          docs[parent[key]], docs[node] = docs[node], nil
        end
        if sandboxed then
          for key, value in pairs(inbox) do
            if type(value) == "table" and key ~= "contacts" and key ~= "prospects" then
              readonly(inbox, key)
            end
          end
          inbox.contacts, inbox.prospects = inbox.people, inbox.people
        end

        install("log", log)
        install("inbox", inbox, docs)
        if writeLine then
          local select, tostring, concat = select, tostring, table.concat
          install("print", function(...)
            local parts = {}
            for i = 1, select("#", ...) do
              parts[i] = tostring((select(i, ...)))
            end
            writeLine(concat(parts, "\t"))
          end, nil, false)
        end
        """#

    /// `inbox.rules.choose(rules, person [, options])`, written in Lua so that a rule's
    /// `when` runs without leaving Lua.
    static let rules = #"""
        local inbox, log, docs = ...
        local ipairs, pairs, type, tostring, error, select =
          ipairs, pairs, type, tostring, error, select
        local format = string.format
        local rules = {}
        inbox.rules = rules

        local linksById, linksByName
        -- The team's account links by id and by username, read once.
        local function accountLinks()
          if not linksById then
            linksById, linksByName = {}, {}
            for _, link in ipairs(inbox.account_links()) do
              linksById[link.id] = link
              if link.username then linksByName[link.username:lower()] = link end
            end
          end
          return linksById, linksByName
        end

        local function resolve(use, rule)
          local byId, byName = accountLinks()
          if type(use) == "table" and use.id then use = use.id end
          if type(use) ~= "string" then
            error(format("inbox.rules.choose: rule %q: use must be an account link's username "
              .. "or id, got %s", rule, type(use)), 3)
          end
          local link = byId[use] or byName[use:gsub("^@", ""):lower()]
          if not link then
            local known = {}
            for name in pairs(byName) do known[#known + 1] = "@" .. name end
            table.sort(known)
            error(format("inbox.rules.choose: rule %q uses %q, which is not an account link of "
              .. "this team (known: %s)", rule, use, table.concat(known, ", ")), 3)
          end
          return link
        end

        local optionKeys = {default = true, trace = true}

        -- Returns the chosen account link, the name of the rule that fired ("default" when
        -- none did) and, with trace = true, a list of lines saying what each rule did.
        function rules.choose(list, person, options)
          if type(list) ~= "table" then
            error("inbox.rules.choose: bad argument #1 (list of rules expected, got "
              .. type(list) .. ")", 2)
          end
          if person == nil then
            error("inbox.rules.choose: bad argument #2 (person expected, got nil)", 2)
          end
          options = options or {}
          for key in pairs(options) do
            if not optionKeys[key] then
              error(format("inbox.rules.choose: unknown option %q; known options: default, "
                .. "trace", tostring(key)), 2)
            end
          end
          local trace = options.trace and {} or nil
          local fired, use
          for index, rule in ipairs(list) do
            local name = type(rule) == "table" and rule.name or ("#" .. index)
            if type(rule) ~= "table" or type(rule.when) ~= "function" then
              error(format("inbox.rules.choose: rule %s needs when = function(person)", name), 2)
            end
            if fired then
              trace[#trace + 1] = format("%s: skipped (rule %q fired first)", name, fired)
            else
              local matched, why = rule.when(person)
              local line = format("%s: %s", name, matched and "matched" or "no match")
              if why ~= nil then line = line .. " (" .. tostring(why) .. ")" end
              if trace then trace[#trace + 1] = line end
              log.debug("rule checked", {rule = name, matched = matched and true or false})
              if matched then
                fired, use = name, rule.use
                if not trace then break end
              end
            end
          end
          if not fired then
            use = options.default or list.default
            if use == nil then
              if trace then trace[#trace + 1] = "no rule matched and there is no default" end
              return nil, nil, trace
            end
            fired = "default"
            if trace then trace[#trace + 1] = "default: used (no rule matched)" end
          end
          return resolve(use, fired), fired, trace
        end

        docs[rules.choose] = {
          name = "inbox.rules.choose",
          signature = "inbox.rules.choose(rules, person [, {default =, trace = true}])",
          summary = "Picks the sending account link by ordered rules; returns the link, "
            .. "the rule's name and, with trace, why each rule matched or not.",
        }
        """#
}
