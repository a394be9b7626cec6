import CLua

/// What `help(...)` shows, built from the bindings' documentation table (registry key
/// ``LuaSession/docsKey``: each binding function maps to `{name, signature, summary}`).
struct HelpPage {
    let stack: LuaStack
    let width: Int

    /// One documented binding.
    struct Entry: Equatable {
        var name: String
        var signature: String
        var summary: String

        /// The signature with the binding's name in front, unless it already has it.
        var usage: String {
            signature.hasPrefix(name) ? signature : name + signature
        }
    }

    /// The page for `help()` with the values of the help object at `index` (a table
    /// `{n = count, ...}`), against the session table at `session`.
    func render(helpObjectAt index: Int32, session: Int32) -> String {
        stack.preserving {
            lua_rawgeti(stack.pointer, index, 1)
            let subject = lua_gettop(stack.pointer)
            switch lua_type(stack.pointer, subject) {
            case LUA_TNIL, LUA_TNONE: return overview(session: session)
            case LUA_TFUNCTION: return function(at: subject)
            case LUA_TTABLE: return table(at: subject)
            case LUA_TSTRING: return named(stack.text(at: subject))
            default:
                var printer = PrettyPrinter(stack: stack, limits: REPLPrintLimits())
                return "no help for " + printer.render(at: subject)
            }
        }
    }

    /// Every documented binding, sorted by name.
    func entries() -> [Entry] {
        stack.preserving {
            guard stack.pushRegistryField(LuaSession.docsKey) == LUA_TTABLE else { return [] }
            let docs = lua_gettop(stack.pointer)
            var entries: [Entry] = []
            lua_pushnil(stack.pointer)
            while lua_next(stack.pointer, docs) != 0 {
                if let entry = entry(at: -1) {
                    entries.append(entry)
                }
                inbox_lua_pop(stack.pointer, 1)
            }
            return entries.sorted { $0.name < $1.name }
        }
    }

    /// The documentation of the function (or callable table) at `index`, if it has any.
    func entry(forFunctionAt index: Int32) -> Entry? {
        let function = stack.absolute(index)
        return stack.preserving {
            guard stack.pushRegistryField(LuaSession.docsKey) == LUA_TTABLE else { return nil }
            lua_pushvalue(stack.pointer, function)
            lua_rawget(stack.pointer, -2)
            return entry(at: -1)
        }
    }

    private func entry(at index: Int32) -> Entry? {
        guard lua_type(stack.pointer, index) == LUA_TTABLE,
            let name = stack.stringField("name", of: index)
        else { return nil }
        return Entry(
            name: name, signature: stack.stringField("signature", of: index) ?? "",
            summary: stack.stringField("summary", of: index) ?? "")
    }

    // MARK: - Pages

    private func overview(session: Int32) -> String {
        var text = """
            Type Lua at the prompt: an expression prints its values, a statement runs, and
            locals stay defined from line to line. `_` holds the last result.
              help(f)  the signature and summary of a binding, e.g. help(inbox.threads.lookup)
              Tab      completes names; Ctrl-C stops a running chunk; Ctrl-D exits

            """
        let bindings = entries()
        if !bindings.isEmpty {
            text += "Bindings:\n" + listing(bindings)
        }
        let globals = stack.preserving { () -> [(name: String, type: Int32)] in
            stack.pushField("globals", of: session)
            return stack.inheritedIdentifierKeys(of: -1)
        }
        let modules = globals.filter { $0.type == LUA_TTABLE }.map(\.name).sorted()
        let functions = globals.filter { $0.type == LUA_TFUNCTION }.map(\.name).sorted()
        text += wrapped("Modules:", modules) + wrapped("Functions:", functions)
        return String(text.dropLast())
    }

    private func function(at index: Int32) -> String {
        if let entry = entry(forFunctionAt: index) {
            return entry.usage + (entry.summary.isEmpty ? "" : "\n  " + entry.summary)
        }
        var printer = PrettyPrinter(stack: stack, limits: REPLPrintLimits())
        return "no help for " + printer.render(at: index)
    }

    /// `help("inbox.threads.lookup")`, or `help("inbox.threads")` for all below it.
    private func named(_ name: String) -> String {
        let found = entries().filter { $0.name == name || $0.name.hasPrefix(name + ".") }
        if found.count == 1, let entry = found.first, entry.name == name {
            return entry.usage + (entry.summary.isEmpty ? "" : "\n  " + entry.summary)
        }
        guard !found.isEmpty else { return "no help for \"\(name)\"" }
        return String(listing(found).dropLast())
    }

    /// A documented table (a callable module) shows its own entry; any table lists the
    /// bindings it holds, through `__index` tables too (the sandbox's read-only views).
    private func table(at index: Int32) -> String {
        var found: [Entry] = []
        stack.preserving {
            var table = index
            for _ in 0..<16 {
                lua_pushnil(stack.pointer)
                while lua_next(stack.pointer, table) != 0 {
                    let type = lua_type(stack.pointer, -1)
                    if type == LUA_TFUNCTION || type == LUA_TTABLE,
                        let entry = entry(forFunctionAt: -1)
                    {
                        found.append(entry)
                    }
                    inbox_lua_pop(stack.pointer, 1)
                }
                guard stack.pushIndexTable(of: table) else { break }
                table = lua_gettop(stack.pointer)
            }
        }
        var text = ""
        if let own = entry(forFunctionAt: index) {
            text = own.usage + (own.summary.isEmpty ? "" : "\n  " + own.summary) + "\n"
        }
        if !found.isEmpty {
            text += listing(found.sorted { $0.name < $1.name })
        }
        guard !text.isEmpty else { return "no help for this table: it holds no bindings" }
        return String(text.dropLast())
    }

    /// One line a binding: its usage, padded, then its summary.
    private func listing(_ entries: [Entry]) -> String {
        let column = min(40, entries.map(\.usage.count).max() ?? 0)
        return entries.map { entry in
            let usage = entry.usage
            let padding = String(repeating: " ", count: max(1, column - usage.count + 2))
            return "  " + usage + (entry.summary.isEmpty ? "" : padding + entry.summary) + "\n"
        }.joined()
    }

    /// `title` and the names, wrapped to the width, indented by two spaces.
    private func wrapped(_ title: String, _ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        var text = title + "\n"
        var line = " "
        for name in names {
            if line.count + name.count + 2 > width {
                text += line + "\n"
                line = " "
            }
            line += " " + name
        }
        return text + line + "\n"
    }
}
