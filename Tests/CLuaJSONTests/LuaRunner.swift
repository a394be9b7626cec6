import CLua
import CLuaJSON
import LuaKit

/// A Lua error message that a snippet raised, compared by its exact text.
struct LuaFailure: Swift.Error, Equatable, CustomStringConvertible {
    /// The message as Lua reported it.
    let message: String

    var description: String { message }
}

/// A LuaKit state with the full standard library and the json module loaded
/// as `json`, for running test snippets.
///
/// A harness written in Lua runs each snippet under `pcall` and turns its
/// results into text with `tostring`, as `print` would, so expectations are
/// plain strings.
final class LuaRunner {
    /// The state; tests may set its limits between runs.
    let lua: LuaState

    private let harness: LuaValue

    /// Runs `f` under `pcall`; an error becomes `false, message`.
    private static let harnessSource = """
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

    /// Makes a state with the given library profile.
    init(profile: LuaProfile = .full) {
        lua = try! LuaState(profile: profile)
        let state = lua.pointer!
        lua_pushcclosure(state, inbox_json_open_global, 0)
        precondition(lua_pcallk(state, 0, 0, 0, 0, nil) == LUA_OK)
        harness = try! lua.load(Self.harnessSource, name: "=harness")
        _ = try! lua.run(Self.prelude)
    }

    /// The raw `lua_State *`, for tests of the C entry points.
    var state: OpaquePointer { lua.pointer! }

    /// Runs a Lua chunk named `snippet` and returns its results joined by tabs,
    /// or throws the message of the error it raised (`snippet:1: ...`).
    func run(_ chunk: String) throws(LuaFailure) -> String {
        let results: [LuaValue]
        do {
            results = try lua.call(harness, [lua.load(chunk, name: "=snippet")])
        } catch let error as LuaError {
            throw LuaFailure(message: error.message)
        } catch {
            throw LuaFailure(message: "\(error)")
        }

        guard results.count == 2, case .string(let bytes) = results[1] else {
            throw LuaFailure(message: "harness returned \(results)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard results[0] == .boolean(true) else { throw LuaFailure(message: text) }
        return text
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
