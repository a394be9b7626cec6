/// The command line of `inbox-lua [options] [script [args]]`, read like `lua5.4` reads its
/// own, plus inbox-lua's long options. Everything is validated here, before any work starts.
struct CommandLineOptions: Equatable {
    /// One of `-e stat`, `-l mod` and `-W`, which run in command-line order.
    enum Action: Equatable {
        /// `-e stat`: run the chunk `stat`.
        case execute(String)
        /// `-l mod` or `-l g=mod`: `g = require(mod)`.
        case require(global: String, module: String)
        /// `-W`: warnings on.
        case warningsOn
    }

    /// Where the script comes from.
    enum Script: Equatable {
        /// A file path.
        case file(String)
        /// `-`: standard input, named `stdin` in messages.
        case standardInput
    }

    var actions: [Action] = []
    var interactive = false
    var showVersion = false
    var ignoreEnvironment = false
    var script: Script?
    /// The index in `argv` of the script name (`arg[0]`); 0 when there is none.
    var scriptIndex = 0

    var emulator: String?
    var apiVersion: String?
    var dryRun = false
    var planJSON: String?
    var timeout: Duration?
    var memoryLimit: Int?
    var sandbox = false
    var help = false
    var version = false

    /// True when neither a script nor `-e`/`-v` asks for something to do, so that
    /// `inbox-lua` alone opens the REPL on a terminal and reads stdin otherwise.
    var hasNoWork: Bool {
        script == nil && !showVersion
            && !actions.contains { if case .execute = $0 { true } else { false } }
    }
}

/// A command line `inbox-lua` does not accept: exit status 64 and a one-line hint.
struct UsageFailure: Swift.Error, Equatable, CustomStringConvertible {
    let description: String
}
