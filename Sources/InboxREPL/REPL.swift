import CLua
import FoundationEssentials
import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

/// The interactive Lua prompt of `inbox-lua` (with no script, or `-i`).
///
/// It behaves like `lua5.4 -i`, with more help: libedit line editing and a persistent
/// history, expressions printed with all their values, `>>` for incomplete input, locals
/// that persist between lines, pretty-printed tables, Tab completion, `help()`, and
/// Ctrl-C that stops the running chunk but keeps the session. Ctrl-D ends it.
///
///     let lua = try LuaState()
///     // ... register the inbox module ...
///     var options = REPLOptions()
///     options.banner = REPLBanner(backend: "the local emulator") { "Acme" }
///     exit(try REPL(state: lua, options: options).run())
///
/// The REPL writes to the descriptors of its options; `print` in Lua still writes to the
/// process's standard output, as in `lua5.4`. While ``run()`` runs it owns SIGINT (one
/// REPL at a time in a process; the previous handler comes back at the end), and on a
/// terminal it sets `LC_CTYPE` from the environment, which libedit needs for UTF-8.
public final class REPL {
    private let state: LuaState
    private let options: REPLOptions
    private let session: REPLSession

    /// Opens a session in `state`: a session environment for the chunks typed, and the
    /// `help` function.
    ///
    /// - Throws: ``LuaError`` when the session cannot be set up (a closed state, or no
    ///   memory).
    public init(state: LuaState, options: REPLOptions = REPLOptions()) throws {
        self.state = state
        self.options = options
        session = try REPLSession(state: state, limits: options.printLimits)
        session.onRunStart = options.onRunStart
    }

    /// Runs the session until the input ends; returns the exit status (0).
    public func run() -> Int32 {
        let output = FileDescriptorOutput(descriptor: options.output)
        let errors = FileDescriptorOutput(descriptor: options.errors)
        let interrupts = try? InterruptControl()
        defer { interrupts?.close() }
        if let interrupts, let handler = options.onInterrupt {
            interrupts.watch(handler)
        }
        session.interrupts = interrupts

        let interactive = isatty(options.input) != 0
        if let banner = options.banner {
            output.write(banner.text(luaVersion: luaVersion))
        }
        let reader = makeReader(interactive: interactive, output: output)
        while true {
            if interactive {
                interrupts?.prompt()
            } else {
                interrupts?.restore()
            }
            let line = reader.read(prompt: session.isContinuing ? ">> " : "> ")
            if interrupts?.take() == true {
                session.discardInput()
                output.write("^C\n")
                continue
            }
            guard let line else {
                output.write("\n")
                return 0
            }
            let reply = session.feed(line)
            if let entry = reply.entry {
                reader.remember(entry)
            }
            // What io.write left in C's buffer comes before the results, as in lua.c.
            fflush(nil)
            output.write(reply.output)
            errors.write(reply.errors)
        }
    }

    private var luaVersion: String {
        guard let pointer = state.pointer else { return "Lua" }
        let number = Int(lua_version(pointer))
        return "Lua \(number / 100).\(number % 100)"
    }

    private func makeReader(interactive: Bool, output: FileDescriptorOutput) -> LineReader {
        guard interactive else {
            return PlainLineReader(input: options.input, output: output)
        }
        let completer = Completer(session: session.lua)
        let editor = EditLineReader(
            input: options.input, output: options.output, errors: options.errors,
            historyPath: options.historyPath, completer: completer.complete)
        return editor ?? PlainLineReader(input: options.input, output: output)
    }
}
