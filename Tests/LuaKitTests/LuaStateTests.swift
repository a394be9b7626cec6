import CLua
import Foundation
import LuaKit
import Testing

@Suite struct LuaStateTests {
    @Test func runsAChunkAndReturnsItsResults() throws {
        let lua = try LuaState()
        let results = try lua.run("return 1, 'two', 3.5, nil, true", name: "=test")
        #expect(results == [1, "two", 3.5, .nil, true])
        #expect(lua.stackTop == 0)
    }

    @Test func passesArgumentsAsVarargs() throws {
        let lua = try LuaState()
        let results = try lua.run("local a, b = ... return b, a", arguments: ["x", 7])
        #expect(results == [7, "x"])
        #expect(lua.stackTop == 0)
    }

    @Test func closeIsIdempotentAndLaterCallsThrow() throws {
        let lua = try LuaState()
        lua.close()
        lua.close()
        #expect(lua.isClosed)
        let error = #expect(throws: LuaError.self) { try lua.run("return 1") }
        #expect(error?.message == "the Lua state is closed")
    }

    @Test func stateIsFreedWhenTheLastReferenceGoes() throws {
        var lua: LuaState? = try LuaState()
        try lua?.register("noop") { _ in [] }
        _ = try lua?.run("noop()")
        weak let weakState = lua
        lua = nil
        #expect(weakState == nil)
    }

    @Test func chunkNamesFollowLua() throws {
        let lua = try LuaState()
        let named = #expect(throws: LuaError.self) { try lua.run("error('x')", name: "=rules") }
        #expect(named?.message == "rules:1: x")
        #expect(named?.chunk == "rules")
        #expect(named?.line == 1)
        let source = #expect(throws: LuaError.self) { try lua.run("\n\nerror('y')", name: "x = 1") }
        #expect(source?.message == "[string \"x = 1\"]:3: y")
        #expect(source?.chunk == "[string \"x = 1\"]")
        #expect(source?.line == 3)
        #expect(lua.stackTop == 0)
    }

    @Test func loadsFilesWithAtNamesAndSkipsTheShebang() throws {
        let path = NSTemporaryDirectory() + "luakit-\(UUID().uuidString).lua"
        try "#!/usr/bin/env inbox-lua\nlocal a = ...\nerror('at line 3: ' .. a)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) { try lua.run(file: path, arguments: ["z"]) }
        #expect(error?.message == "\(path):3: at line 3: z")
        #expect(error?.line == 3)
        #expect(lua.stackTop == 0)
    }

    @Test func missingFileIsAFileError() throws {
        let lua = try LuaState()
        let error = #expect(throws: LuaError.self) { try lua.load(file: "/nonexistent/x.lua") }
        #expect(error?.kind == .file)
        #expect(error?.message == "cannot open /nonexistent/x.lua")
        #expect(lua.stackTop == 0)
    }

    @Test func binaryChunksNeedExplicitPermission() throws {
        let lua = try LuaState()
        let dumped = try lua.run("return string.dump(function() return 42 end)")
        guard case .string(let bytecode) = dumped.first else {
            Issue.record("string.dump returned \(dumped)")
            return
        }
        let error = #expect(throws: LuaError.self) { try lua.load(bytecode, name: "=bin") }
        #expect(error?.kind == .syntax)
        #expect(error?.message == "attempt to load a binary chunk (mode is 't')")
        let function = try lua.load(bytecode, name: "=bin", mode: .textOrBinary)
        #expect(try lua.call(function) == [42])
        #expect(lua.stackTop == 0)
    }

    @Test func globalsRoundTrip() throws {
        let lua = try LuaState()
        try lua.setGlobal("answer", 42)
        #expect(try lua.global("answer") == 42)
        #expect(try lua.run("return answer + 1") == [43])
        #expect(try lua.global("missing") == .nil)
        #expect(lua.stackTop == 0)
    }

    @Test func metamethodsRunProtectedFromSwift() throws {
        let lua = try LuaState()
        var kept: LuaReference?
        try lua.register("keep") { arguments in
            kept = arguments.reference(1)
            return []
        }
        _ = try lua.run(
            """
            keep(setmetatable({}, {
                __index = function(_, k) if k == 'bad' then error('no ' .. k) end
                  return k .. '!' end,
                __tostring = function() error({}) end,
                __len = function() return 7 end,
            }))
            """, name: "=meta")
        let object = try #require(kept)
        #expect(try lua.index(object, "ok") == "ok!")
        let indexError = #expect(throws: LuaError.self) { try lua.index(object, "bad") }
        #expect(indexError?.message == "meta:2: no bad")
        let tostringError = #expect(throws: LuaError.self) { try lua.tostring(object) }
        #expect(tostringError?.message == "(error object is a table value)")
        #expect(try lua.length(object) == 7)
        #expect(try lua.tostring(.integer(1_566_123_362_161_725_441)) == "1566123362161725441")
        #expect(lua.stackTop == 0)
    }

    @Test func finalizerErrorsWhileSwiftWorksAreHarmless() throws {
        let lua = try LuaState()
        try lua.register("churn") { arguments in
            // Allocates from Swift while finalizers that raise are pending.
            for index in 0..<2000 {
                _ = try arguments.state.tostring(.string("s\(index)"))
            }
            return ["done"]
        }
        let results = try lua.run(
            """
            for i = 1, 200 do setmetatable({}, {__gc = function() error('gc ' .. i) end}) end
            local r = churn()
            collectgarbage()
            return r
            """)
        #expect(results == ["done"])
        _ = try lua.run("setmetatable({}, {__gc = function() error('late') end})")
        lua.collectGarbage()
        #expect(try lua.run("return 1") == [1])
        #expect(lua.stackTop == 0)
    }
}
