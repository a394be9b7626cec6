import CLua
import CLuaJSON
import LuaKit

@testable import InboxREPL

/// A REPL session without a terminal, for feeding lines and reading what it answers.
final class SessionHarness {
    let state: LuaState
    let session: REPLSession

    init(profile: LuaProfile = .full, limits: REPLPrintLimits = REPLPrintLimits()) throws {
        state = try LuaState(profile: profile)
        session = try REPLSession(state: state, limits: limits)
    }

    /// Feeds `lines` and returns everything the REPL answered, outputs and errors in
    /// order, with `>>` marking each line that asked for more.
    func transcript(_ lines: String...) -> String {
        var text = ""
        for line in lines {
            let reply = session.feed(line)
            text += reply.output + reply.errors + (reply.continues ? ">>\n" : "")
        }
        return text
    }

    /// The printed result of one expression, without its newline.
    func show(_ expression: String) -> String {
        String(transcript(expression).dropLast())
    }

    /// Loads the real json module as the global `json`.
    func openJSON() throws {
        let lua = state.pointer!
        lua_pushcclosure(lua, luaopen_inbox_json, 0)
        guard inbox_lua_pcall(lua, 0, 1, 0) == LUA_OK else {
            throw LuaError(kind: .runtime, message: "cannot open json")
        }
        lua_setglobal(lua, "json")
    }

    /// Registers documentation for the binding functions named in `entries`, as the
    /// scripting layer does: the registry table `inbox-lua.docs`, weak-keyed.
    func document(_ entries: [(path: String, signature: String, summary: String)]) throws {
        var source = """
            local docs = setmetatable({}, {__mode = "k"})
            debug.getregistry()["inbox-lua.docs"] = docs

            """
        for entry in entries {
            source += """
                docs[\(entry.path)] = {name = "\(entry.path)", signature = "\(entry.signature)",
                  summary = "\(entry.summary)"}

                """
        }
        _ = try state.run(source)
    }
}
