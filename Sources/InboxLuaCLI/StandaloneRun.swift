import CLuaStandalone
import InboxScripting
import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the command line, in `lua5.4`'s order (Lua 5.4 manual, section 7): the
/// version line for `-v`, the `arg` table, `LUA_INIT`, then `-e`, `-l` and `-W` in the
/// order given, the script, and finally the REPL (`-i`, or no script on a terminal) or
/// stdin (no script otherwise). The first error ends the run with status 1, or 130 after
/// Ctrl-C. A dry run's plan is printed on stderr at the end, whatever the outcome.
final class StandaloneRun {
    let host: ScriptHost
    let lua: LuaState
    let options: CommandLineOptions
    let argv: [String]
    let watcher: InterruptWatcher
    private let planFile: PlanFile?
    private var finished = false

    init(
        host: ScriptHost, options: CommandLineOptions, argv: [String], watcher: InterruptWatcher,
        planFile: PlanFile?
    ) {
        self.host = host
        lua = host.lua
        self.options = options
        self.argv = argv
        self.watcher = watcher
        self.planFile = planFile
    }

    /// Runs everything and returns the exit status.
    func start() -> Int32 {
        if options.showVersion {
            Output.standard(HelpText.versionLine + "\n")
        }
        installStandaloneParts()
        var status = runAll()
        // As lua.c ends with lua_close: pending finalizers run, and what they print comes
        // before the plan. `os.exit` without `close = true` never gets here, as in lua5.4.
        watcher.bounding { lua.close() }
        Output.flush()
        if !finish() && status == 0 {
            status = 1
        }
        return status
    }

    private func runAll() -> Int32 {
        do {
            try prepare()
            for action in options.actions {
                try perform(action)
            }
            if let script = options.script {
                try runScript(script)
            }
        } catch {
            return report(error)
        }
        if options.interactive {
            return REPLLauncher.run(
                host: host, cancellation: watcher.cancellation, timeout: options.timeout)
        }
        guard options.hasNoWork else { return 0 }
        if isatty(STDIN_FILENO) != 0 {
            return REPLLauncher.run(
                host: host, cancellation: watcher.cancellation, timeout: options.timeout)
        }
        do {
            try runChunk(ChunkReader.load(nil, into: lua), arguments: [])
        } catch {
            return report(error)
        }
        return 0
    }

    /// Prints the dry run's plan (once, also from `os.exit`); false when the JSON plan could
    /// not be written.
    @discardableResult
    func finish() -> Bool {
        guard !finished else { return true }
        finished = true
        guard host.isDryRun else { return true }
        Output.flush()
        var text = host.plan.text
        if text.hasSuffix("\n") { text.removeLast() }
        Output.error(text)
        guard let planFile, !planFile.write(host.plan) else { return true }
        Output.error("inbox-lua: cannot write the plan to \(options.planJSON ?? "")")
        return false
    }

    // MARK: - Errors

    /// Writes an uncaught error as `lua5.4` does and returns the exit status for it.
    func report(_ error: any Error) -> Int32 {
        Output.flush()
        guard let error = error as? LuaError else {
            Output.error("inbox-lua: \(error)")
            return watcher.wasInterrupted ? 130 : 1
        }
        var text = "inbox-lua: \(error.message)"
        if error.kind == .memory, let limit = options.memoryLimit {
            // Lua's own words do not say that it is the limit the user set that ran out.
            text += " (over --memory-limit \(Self.size(limit)))"
        }
        if let traceback = error.traceback, Self.wantsTraceback(error) {
            // lua5.4's tracebacks end in its C main function; the host stands in for it.
            let bottom = "\n\t[C]: in ?"
            text += "\n" + traceback + (traceback.hasSuffix(bottom) ? "" : bottom)
        }
        Output.error(text)
        return watcher.wasInterrupted ? 130 : 1
    }

    /// A byte count as `--memory-limit` takes it: `512K`, `8M`, `1G`, or bytes.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30 && bytes % (1 << 30) == 0 { return "\(bytes >> 30)G" }
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20)M" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10)K" }
        return String(bytes)
    }

    /// `lua5.4`'s message handler adds no traceback to an error object whose `__tostring`
    /// gave its message.
    private static func wantsTraceback(_ error: LuaError) -> Bool {
        guard let type = error.value?.typeName, type != "string", type != "number" else {
            return true
        }
        return error.message.hasPrefix("(error object is a ")
    }
}

/// The `os.exit` hook's way back to the run: C calls a plain function, so the run it
/// finishes is kept here. One process has one run.
nonisolated(unsafe) private var exitingRun: StandaloneRun?

extension StandaloneRun {
    /// Warnings as lua.c writes them, the generational collector, and an `os.exit` that
    /// prints the dry-run plan before the process ends.
    fileprivate func installStandaloneParts() {
        guard let state = lua.pointer else { return }
        inbox_standalone_use_warnings(state)
        inbox_standalone_generational_gc(state)
        exitingRun = self
        inbox_standalone_set_exit_hook { _ in exitingRun?.finish() }
        _ = try? protectedCall(inbox_standalone_install_exit_k)
    }
}
