/// The Lua side of the modules: installing them, assembling `inbox` from the bindings, and
/// `inbox.rules`.
enum ModuleSource {
    /// Runs when a host starts. Receives `install`, the log functions as `{name, fn}` pairs,
    /// the print sink (or nil), `prepare` and the lazy flag; installs `log`, `print` and
    /// `inbox`. When lazy (the full profile), `inbox` starts empty and fills itself on its
    /// first use (an index, an assignment or `pairs`), so that a script that never uses it
    /// does not pay for building it; `prepare` returns the ``inbox`` chunk and its arguments.
    /// In the sandbox `inbox` is built at once, as its read-only views need it whole.
    /// Returns a function that builds `inbox` now if it is not built yet.
    static let bootstrap = #"""
        local install, logEntries, writeLine, prepare, lazy = ...
        local setmetatable, pcall, error, next = setmetatable, pcall, error, next

        -- Each log entry is {name, fn}.
        local log = {}
        for _, entry in ipairs(logEntries) do
          log[entry[1]] = entry[2]
        end
        install("log", log)

        local inbox, docs = {}, setmetatable({}, {__mode = "k"})
        local built = false
        local function build()
          local chunk, entries, rulesChunk, sandboxed, protect = prepare()
          chunk(inbox, docs, entries, rulesChunk, log, sandboxed, protect)
          built = true
        end
        local buildNow = build
        if lazy then
          -- The metatable is protected, so that a script cannot take the module away
          -- before it is built; the debug library's setmetatable (the full profile has it)
          -- still changes it. A failure (out of memory) leaves it to be built again.
          local forceMetatable = debug.setmetatable
          local pending = {__metatable = false}
          local function ready()
            forceMetatable(inbox, nil)
            local ok, message = pcall(build)
            if not ok then
              forceMetatable(inbox, pending)
              error(message, 0)
            end
          end
          pending.__index = function(t, key) ready() return t[key] end
          pending.__newindex = function(t, key, value) ready() t[key] = value end
          pending.__pairs = function(t) ready() return next, t, nil end
          forceMetatable(inbox, pending)
          buildNow = ready
        else
          build()
        end
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
        return function()
          if not built then buildNow() end
        end
        """#

    /// Builds the `inbox` table in place from the binding entries, then runs the rules chunk
    /// on it. Receives the table, the docs table, the entries, the rules chunk, `log`, the
    /// sandbox flag and `protect`.
    static let inbox = #"""
        local inbox, docs, entries, rulesChunk, log, sandboxed, protect = ...
        local setmetatable, rawget, rawset, type = setmetatable, rawget, rawset, type

        -- The table at a path of keys below inbox, created on demand.
        local function tableAt(path)
          local node = inbox
          for i = 1, #path do
            local key = path[i]
            local child = rawget(node, key)
            if type(child) ~= "table" then  -- the module's names win over a rawset's
              child = {}
              rawset(node, key, child)
            end
            node = child
          end
          return node
        end

        -- Each entry is {name, fn, signature, summary, callable, path, key}: path holds the
        -- keys of the table the function goes in, key its own.
        for _, entry in ipairs(entries) do
          local name, fn, signature, summary, callable, path, key = entry[1], entry[2],
            entry[3], entry[4], entry[5], entry[6], entry[7]
          local doc = {name = name, signature = signature, summary = summary}
          if callable then
            path[#path + 1] = key
            local node = tableAt(path)
            setmetatable(node, {__call = fn})
            docs[node] = doc  -- only the table: help() lists each documented key once
          else
            rawset(tableAt(path), key, fn)
            docs[fn] = doc
          end
        end
        rawset(inbox, "contacts", inbox.people)
        rawset(inbox, "prospects", inbox.people)
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
