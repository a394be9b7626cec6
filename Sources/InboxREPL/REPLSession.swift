import CLua
import LuaKit

/// The input half of the REPL, without any terminal: it takes lines, decides whether they
/// form an expression, a statement or an incomplete chunk, runs them, and renders the
/// results, as `lua5.4 -i` does.
///
/// - An entry is first compiled as `return <entry>`, so an expression prints all its
///   values, trailing nils included; otherwise as a statement.
/// - A syntax error at `<eof>` means the entry is incomplete: the next line continues it.
/// - A first line starting with `=` is `return` (Lua 5.2's shorthand, which `lua5.4`
///   keeps).
/// - Top-level locals persist (see ``LocalRewriter``).
final class REPLSession {
    let lua: LuaSession
    let limits: REPLPrintLimits

    /// Ctrl-C handling while chunks run; nil leaves signals alone.
    var interrupts: InterruptControl?

    /// Runs before each chunk, for example to re-arm a cancellation token.
    var onRunStart: (() -> Void)?

    private var lines: [String] = []

    init(state: LuaState, limits: REPLPrintLimits = REPLPrintLimits()) throws {
        lua = try LuaSession(state: state)
        self.limits = limits
    }

    /// True while an incomplete entry waits for more lines.
    var isContinuing: Bool { !lines.isEmpty }

    /// Forgets the lines of an incomplete entry (Ctrl-C at a `>>` prompt).
    func discardInput() {
        lines = []
    }

    /// Takes one line (without its newline).
    func feed(_ line: String) -> REPLReply {
        lines.append(line)
        var source = lines.joined(separator: "\n")
        if lines.count == 1 && source.hasPrefix("=") {
            source = "return " + source.dropFirst()
        }

        guard let expressionError = lua.compile("return " + source) else {
            return finish(run())
        }
        if let message = lua.compile(source) {
            // Unlike lua.c, an unfinished expression continues too: `{1,` then `2}`.
            if isIncomplete(message) || isIncomplete(expressionError) {
                return REPLReply(continues: true)
            }
            return finish(REPLReply(errors: message + "\n"))
        }
        if let rewritten = LocalRewriter.rewrite(source), lua.compile(rewritten) != nil {
            // Not expected: the rewrite keeps valid code valid. Run the entry as typed.
            _ = lua.compile(source)
        }
        return finish(run())
    }

    /// True when the parser stopped at `<eof>`, so another line may complete the entry.
    private func isIncomplete(_ message: String) -> Bool {
        LuaError(kind: .syntax, message: message).isIncompleteInput
    }

    private func finish(_ reply: REPLReply) -> REPLReply {
        var reply = reply
        reply.entry = lines.joined(separator: "\n")
        lines = []
        return reply
    }

    /// Runs the compiled chunk and renders its results or its error.
    private func run() -> REPLReply {
        let state = lua.stack.pointer
        interrupts?.beginRun(state)
        onRunStart?()
        var reply = REPLReply()
        do {
            let count = try lua.run()
            reply.output = count > 0 ? renderResults(count) + "\n" : ""
        } catch let error as LuaError {
            reply.errors = error.message + (error.traceback.map { "\n" + $0 } ?? "") + "\n"
        } catch {
            reply.errors = "\(error)\n"
        }
        interrupts?.endRun()
        lua.state.limits = lua.state.limits  // puts back LuaKit's hook, or none
        if interrupts?.take() == true && !reply.errors.isEmpty {
            reply = REPLReply(errors: "interrupted\n")
        }
        return reply
    }

    /// The values of `S.results`, separated by tabs like `print` does.
    func renderResults(_ count: Int) -> String {
        let stack = lua.stack
        return stack.preserving {
            lua.pushSession()
            let session = lua_gettop(stack.pointer)
            stack.pushField("help_mt", of: session)
            let helpMetatable = lua_gettop(stack.pointer)
            stack.pushField("results", of: session)
            let results = lua_gettop(stack.pointer)
            let hasDocs = stack.pushRegistryField(LuaSession.docsKey) == LUA_TTABLE
            var printer = PrettyPrinter(
                stack: stack, limits: limits, docsIndex: hasDocs ? lua_gettop(stack.pointer) : nil)
            let help = HelpPage(stack: stack, width: limits.width)

            var parts: [String] = []
            for position in 1...count {
                lua_rawgeti(stack.pointer, results, lua_Integer(position))
                let value = lua_gettop(stack.pointer)
                if lua_getmetatable(stack.pointer, value) != 0,
                    lua_rawequal(stack.pointer, -1, helpMetatable) != 0
                {
                    parts.append(help.render(helpObjectAt: value, session: session))
                } else {
                    parts.append(printer.render(at: value))
                }
                lua_settop(stack.pointer, results + 1)
            }
            return parts.joined(separator: "\t")
        }
    }
}
