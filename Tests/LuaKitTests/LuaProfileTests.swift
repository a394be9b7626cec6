import LuaKit
import Testing

@Suite struct LuaProfileTests {
    @Test func sandboxHasOnlyTheSafeSubset() throws {
        let lua = try LuaState(profile: .sandbox)
        let results = try lua.run(
            """
            return io, debug, dofile, loadfile, os.execute, os.exit, os.getenv, os.remove,
                package.loadlib, string.dump, #package.searchers, type(os.time),
                type(string.format), type(coroutine.wrap), type(utf8.char), type(math.floor),
                type(table.concat)
            """)
        let expected: [LuaValue] =
            [.nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil, 1]
            + Array(repeating: "function", count: 6)
        #expect(results == expected)
        #expect(lua.stackTop == 0)
    }

    @Test func sandboxLoadRefusesBinaryAndRequireFindsNoFiles() throws {
        let full = try LuaState()
        let dumped = try full.run("return string.dump(function() return 1 end)")
        let lua = try LuaState(profile: .sandbox)
        let results = try lua.run("return load(...)", arguments: dumped)
        #expect(results == [.nil, "attempt to load a binary chunk (mode is 't')"])
        let missing = try lua.run("return pcall(require, 'os')")
        #expect(missing.first == true)
        let notFound = try lua.run(
            "local ok, e = pcall(require, 'nosuchmodule') return ok, e:match('^[^\\n]*')")
        #expect(notFound == [false, "module 'nosuchmodule' not found:"])
    }

    /// The mode a script asks for still counts: binary only refuses a text chunk too.
    @Test func sandboxLoadKeepsAModeThatRefusesText() throws {
        let lua = try LuaState(profile: .sandbox)
        #expect(
            try lua.run("return load('return 1', 'x', 'b')")
                == [.nil, "attempt to load a text chunk (mode is '')"])
        #expect(try lua.run("return load('return 1', 'x', 'bt')()") == [1])
    }

    /// Lua runs finalizers with hooks off, beyond every limit: the sandbox refuses them,
    /// even as a placeholder that a function could replace later.
    @Test func sandboxRefusesFinalizers() throws {
        let lua = try LuaState(profile: .sandbox)
        let message =
            "setmetatable: __gc is not allowed in the sandbox (finalizers run outside the limits)"
        for gc in ["function() while true do end end", "true"] {
            let error = #expect(throws: LuaError.self) {
                try lua.run("setmetatable({}, {__gc = \(gc)})", name: "=gc")
            }
            #expect(error?.message == "gc:1: " + message)
        }
        #expect(
            try lua.run("return getmetatable(setmetatable({}, {__index = {x = 1}})).__index.x") == [
                1
            ])
    }

    @Test func sharedTablesAreReadOnly() throws {
        let lua = try LuaState(profile: .sandbox)
        let results = try lua.run(
            """
            local a = pcall(function() string.upper = nil end)
            local b = pcall(rawset, string, 'upper', print)
            local c = pcall(function() _G.print = nil end)
            local d = pcall(function() require('string').len = nil end)
            local e = pcall(function() package.searchers[1] = nil end)
            return a, b, c, d, e, getmetatable(''), ('x'):upper()
            """)
        #expect(results == [false, false, false, false, false, false, "X"])
        let message = try lua.run("return pcall(function() math.pi = 3 end)", name: "=ro")
        #expect(message == [false, "ro:1: attempt to modify a read-only table (key 'pi')"])
        #expect(lua.stackTop == 0)
    }

    @Test func readOnlyTablesStillIterateAndMeasure() throws {
        let lua = try LuaState(profile: .sandbox)
        let results = try lua.run(
            """
            local n = 0 for k, v in pairs(math) do n = n + 1 end
            local it, t = pairs(string)
            local ok = pcall(function() local _, k = it(t, nil) t[k] = nil end)
            return n > 20, #package.searchers, ok, type(string.upper)
            """)
        #expect(results == [true, 1, false, "function"])
    }

    @Test func eachChunkHasItsOwnGlobals() throws {
        let lua = try LuaState(profile: .sandbox)
        try lua.setGlobal("shared", 1)
        #expect(try lua.run("poison = true print = nil return shared") == [1])
        #expect(try lua.run("return poison, type(print)") == [.nil, "function"])
        #expect(try lua.global("poison") == .nil)
    }

    @Test func sandboxModulesAreReadOnly() throws {
        let lua = try LuaState(profile: .sandbox)
        try lua.registerModule("inboxlike", functions: ["send": { _ in ["sent"] }])
        let results = try lua.run(
            "local m = require 'inboxlike' local ok = pcall(function() m.send = nil end)"
                + " return ok, m.send()")
        #expect(results == [false, "sent"])
    }

    @Test func fullProfileIsTheWholeLibrary() throws {
        let lua = try LuaState(profile: .full)
        let results = try lua.run("return type(io.write), type(debug.traceback), type(os.getenv)")
        #expect(results == ["function", "function", "function"])
    }
}
