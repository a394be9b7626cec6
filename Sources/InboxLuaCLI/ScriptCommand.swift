import InboxScripting
import LuaKit

#if canImport(Glibc)
    import Glibc
#endif

/// `inbox-lua [options] [script [args]]`: validates the whole command line, chooses the
/// backend, creates the host, then runs like `lua5.4` (see ``StandaloneRun``).
enum ScriptCommand {
    /// Exit status for a command line inbox-lua does not accept (sysexits.h `EX_USAGE`).
    static let usageStatus: Int32 = 64

    /// Runs the command line `argv` (program name first) and returns the exit status.
    static func run(_ argv: [String]) -> Int32 {
        let options: CommandLineOptions
        let choice: BackendChoice
        let planFile: PlanFile?
        do {
            options = try CommandLineOptions(parsing: argv)
            if options.help || options.version {
                Output.standard((options.help ? HelpText.help : HelpText.versionLine) + "\n")
                return 0
            }
            choice = try BackendChoice(options)
            planFile = try options.planJSON.map(PlanFile.init(path:))
        } catch {
            Output.error("inbox-lua: \(error.description)\n\(HelpText.usageHint)")
            return usageStatus
        }

        let watcher = InterruptWatcher(cancellation: choice.cancellation, timeout: options.timeout)
        let host: ScriptHost
        do {
            host = try ScriptHost(options: hostOptions(options, choice, watcher))
        } catch {
            Output.error("inbox-lua: \(error)")
            return 1
        }
        let run = StandaloneRun(
            host: host, options: options, argv: argv, watcher: watcher, planFile: planFile)
        return run.start()
    }

    private static func hostOptions(
        _ options: CommandLineOptions, _ choice: BackendChoice, _ watcher: InterruptWatcher
    ) -> ScriptHostOptions {
        ScriptHostOptions(
            backend: choice.backend,
            limits: LuaLimits(memory: options.memoryLimit, timeout: options.timeout),
            sandbox: options.sandbox, dryRun: options.dryRun,
            logSink: { Output.error($0.formatted) },
            onBackendOpen: { backend in
                if backend.isEmulator {
                    Output.error("inbox-lua: using \(backend.description)")
                } else {
                    watcher.armCancellation()
                }
            })
    }
}
