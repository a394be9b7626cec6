// The Swift half of scripts/bench-core: times calls to a no-op Swift binding and measures
// the memory of fresh states. Prints `name value` lines for the script to compare.
import CLua
import Foundation
import LuaKit

let calls = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "1e7"
let rounds = 3

/// Bytes a state holds by Lua's own count, after a full collection.
func bytesInUse(_ state: OpaquePointer) -> Int {
    inbox_lua_collect(state)
    return Int(inbox_lua_count_kb(state)) * 1024 + Int(inbox_lua_count_b(state))
}

/// A raw C-convention no-op, for the cost of Lua calling a C function in this process.
func rawNoop(_ state: OpaquePointer?) -> Int32 { 0 }

/// The best of `rounds` timings of calling the global `name` in a loop.
func time(_ lua: LuaState, calling name: String) throws -> Double {
    let loop = try lua.load(
        "local f = \(name) local t = os.clock() for i = 1, \(calls) do f() end "
            + "return os.clock() - t",
        name: "=bench")
    var best = Double.infinity
    for _ in 0..<rounds {
        if case .number(let seconds) = try lua.call(loop).first {
            best = min(best, seconds)
        }
    }
    return best
}

do {
    let lua = try LuaState(profile: .full)
    try lua.register("noop") { _ in [] }
    print("swift-binding-seconds \(try time(lua, calling: "noop"))")
    let state = lua.pointer!
    lua_rawgeti(state, inbox_lua_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
    lua_pushcclosure(state, rawNoop, 0)
    inbox_lua_rawsetfield(state, -2, "rawnoop")
    inbox_lua_pop(state, 1)
    print("raw-c-function-seconds \(try time(lua, calling: "rawnoop"))")

    let bare = luaL_newstate()!
    print("bare-state-bytes \(bytesInUse(bare))")
    lua_close(bare)

    let sandbox = try LuaState(profile: .sandbox)
    print("sandbox-state-bytes \(bytesInUse(sandbox.pointer!))")
    let full = try LuaState(profile: .full)
    print("full-state-bytes \(bytesInUse(full.pointer!))")
} catch {
    FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
    exit(1)
}
