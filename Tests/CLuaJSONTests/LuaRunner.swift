import CLua
import CLuaJSON

/// A Lua error message that a snippet raised, compared by its exact text.
struct LuaFailure: Swift.Error, Equatable, CustomStringConvertible {
    /// The message as Lua reported it.
    let message: String

    var description: String { message }
}

/// A fresh Lua state with the standard libraries and the json module loaded
/// as `json`, for running test snippets until LuaKit offers the same.
///
/// Everything that may raise runs inside `lua_pcallk`: the snippet and the
/// conversion of its results to text both happen in Lua.
final class LuaRunner {
    /// The state; tests may use it with the C API between runs.
    let state: OpaquePointer

    /// Runs `f` under `pcall` and turns its results into tab-separated text
    /// with `tostring`, as `print` would; an error becomes `false, message`.
    private static let harness = """
        local f = ...
        local function finish(ok, ...)
            if not ok then return false, tostring((...)) end
            local parts = {}
            for i = 1, select("#", ...) do
                parts[i] = tostring((select(i, ...)))
            end
            return true, table.concat(parts, "\\t")
        end
        return finish(pcall(f))
        """

    /// Helpers that snippets share: `hex(s)` spells out the bytes of `s`.
    private static let prelude = """
        function hex(s)
            return (s:gsub(".", function(c)
                return ("%02x"):format(c:byte())
            end))
        end
        """

    /// The allocator's budget, when the state was made with one.
    let budget: MemoryBudget?

    /// Makes a state, with `budget` as its allocator's limit when given.
    init(budget: MemoryBudget? = nil) {
        self.budget = budget
        if let budget {
            state = lua_newstate(MemoryBudget.allocate, Unmanaged.passUnretained(budget).toOpaque())
        } else {
            state = luaL_newstate()
        }
        luaL_openlibs(state)
        luaL_requiref(state, "json", luaopen_inbox_json, 1)
        lua_settop(state, 0)
        _ = try? run(Self.prelude)
    }

    deinit {
        lua_close(state)
    }

    /// Runs a Lua chunk named `snippet` and returns its results joined by tabs,
    /// or throws the message of the error it raised (`snippet:1: ...`).
    func run(_ chunk: String) throws(LuaFailure) -> String {
        defer { lua_settop(state, 0) }

        guard luaL_loadstring(state, Self.harness) == LUA_OK else {
            throw LuaFailure(message: text(at: -1))
        }
        guard luaL_loadbufferx(state, chunk, chunk.utf8.count, "=snippet", "t") == LUA_OK
        else {
            throw LuaFailure(message: text(at: -1))
        }
        guard lua_pcallk(state, 1, 2, 0, 0, nil) == LUA_OK else {
            throw LuaFailure(message: text(at: -1))
        }
        guard lua_toboolean(state, -2) != 0 else {
            throw LuaFailure(message: text(at: -1))
        }
        return text(at: -1)
    }

    /// Runs a Lua chunk that should fail and returns its error message, or
    /// `"no error: "` and the results when it did not fail.
    func failure(_ chunk: String) -> String {
        do {
            return "no error: " + (try run(chunk))
        } catch {
            return error.message
        }
    }

    /// The bytes of the string at `index`, decoded as UTF-8 for comparison.
    func text(at index: Int32) -> String {
        var length = 0
        guard let bytes = lua_tolstring(state, index, &length) else { return "" }
        return String(
            decoding: UnsafeRawBufferPointer(start: bytes, count: length),
            as: UTF8.self
        )
    }
}
