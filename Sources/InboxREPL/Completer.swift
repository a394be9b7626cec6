import CLua

/// Tab completion of the name before the cursor: globals and session locals (and Lua's
/// reserved words), fields of tables after `.` (following `__index` when it is a table),
/// and methods after `:`.
///
/// Like the printer, it reads the state raw and never runs Lua code.
struct Completer {
    /// What a Tab press does: text to insert at the cursor, and the names to list when
    /// there is more than one.
    struct Completion: Equatable {
        var insertion: String
        var candidates: [String]
    }

    /// The session whose names complete; it keeps the state alive.
    let session: LuaSession

    private var stack: LuaStack { session.stack }

    /// Completes the end of `line`, the text before the cursor.
    func complete(_ line: String) -> Completion {
        let word = trailingWord(line)
        guard !word.isEmpty, !(word.first?.isNumber ?? false) else {
            return Completion(insertion: "", candidates: [])
        }
        let separator = word.lastIndex { $0 == "." || $0 == ":" }
        let prefix = separator.map { String(word[word.index(after: $0)...]) } ?? word
        var names: [String]
        if let separator {
            let path = word[..<separator].split(separator: ".", omittingEmptySubsequences: false)
            names = fields(of: path.map(String.init), methods: word[separator] == ":")
        } else {
            names = globalNames() + LuaSyntax.keywords
        }
        names = Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
        guard let first = names.first else { return Completion(insertion: "", candidates: []) }
        let common = names.dropFirst().reduce(first) { common, name in
            String(zip(common, name).prefix { $0 == $1 }.map(\.0))
        }
        return Completion(
            insertion: String(common.dropFirst(prefix.count)),
            candidates: names.count > 1 ? names : [])
    }

    /// The run of name characters, dots and colons at the end of `line`.
    func trailingWord(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var start = bytes.count
        while start > 0 {
            let byte = bytes[start - 1]
            guard
                LuaSyntax.isNameByte(byte) || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: ":")
            else { break }
            start -= 1
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    // MARK: - Reading the state

    /// Session locals and globals, including what the globals table inherits.
    private func globalNames() -> [String] {
        stack.preserving {
            stack.pushRegistryField(LuaSession.registryKey)
            let session = lua_gettop(stack.pointer)
            stack.pushField("declared", of: session)
            var names = stack.identifierKeys(of: -1).map(\.name)
            stack.pushField("globals", of: session)
            names += fieldNames(ofValueAt: -1, methods: false)
            return names
        }
    }

    /// The names after `path.` (or `path:` for methods); empty when the path does not
    /// lead to a value with fields.
    private func fields(of path: [String], methods: Bool) -> [String] {
        guard let root = path.first, path.allSatisfy(LuaSyntax.isIdentifier) else { return [] }
        return stack.preserving {
            guard pushGlobal(root) else { return [] }
            for name in path.dropFirst() {
                guard pushMember(name, of: -1) else { return [] }
            }
            if lua_type(stack.pointer, -1) == LUA_TSTRING && !methods { return [] }
            return fieldNames(ofValueAt: -1, methods: methods)
        }
    }

    /// Pushes the value of the session local or global `name`; false (with nothing
    /// pushed) when it is nil.
    private func pushGlobal(_ name: String) -> Bool {
        let lua = stack.pointer
        let base = lua_gettop(lua)
        stack.pushRegistryField(LuaSession.registryKey)
        stack.pushField("declared", of: base + 1)
        stack.pushField(name, of: base + 2)
        let declared = lua_toboolean(lua, base + 3) != 0
        stack.pushField(declared ? "values" : "globals", of: base + 1)
        guard pushMember(name, of: base + 4) else {
            lua_settop(lua, base)
            return false
        }
        lua_copy(lua, -1, base + 1)
        lua_settop(lua, base + 1)
        return true
    }

    /// Pushes field `name` of the value at `index`: a raw read of a table, then of the
    /// `__index` tables of its metatables (so userdata with method tables work too);
    /// false (with nothing pushed) when there is no such field.
    private func pushMember(_ name: String, of index: Int32) -> Bool {
        let lua = stack.pointer
        var value = stack.absolute(index)
        let base = lua_gettop(lua)
        for _ in 0..<16 {
            if lua_type(lua, value) == LUA_TTABLE {
                if stack.pushField(name, of: value) != LUA_TNIL {
                    lua_copy(lua, -1, base + 1)
                    lua_settop(lua, base + 1)
                    return true
                }
                inbox_lua_pop(lua, 1)
            }
            guard stack.pushIndexTable(of: value) else { break }
            value = lua_gettop(lua)
        }
        lua_settop(lua, base)
        return false
    }

    /// The identifier keys of the value at `index` and what it inherits through
    /// `__index` tables; only functions when `methods`.
    private func fieldNames(ofValueAt index: Int32, methods: Bool) -> [String] {
        stack.inheritedIdentifierKeys(of: index)
            .filter { !methods || $0.type == LUA_TFUNCTION }.map(\.name)
    }
}
