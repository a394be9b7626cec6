import Foundation
import InboxREPL
import LuaKit

/// `inbox-lua script.lua [args]`: runs a script like `lua5.4 script.lua [args]` would.
///
/// TODO: the REPL, `-e`, `-l`, `-i`, `-v`, `-` (stdin) and the `inbox` module arrive with
/// the full command line issue; for now a script path is required.
enum ScriptCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard let path = arguments.first else {
            return runREPL()
        }
        let scriptArguments = arguments.dropFirst().map { LuaValue.string($0) }

        do {
            let lua = try LuaState(profile: .full)
            try lua.setGlobal("arg", .table(argTable(path: path, arguments)))
            _ = try lua.call(try lua.load(file: path), scriptArguments)
            return 0
        } catch let error as LuaError {
            var text = "inbox-lua: \(error.message)"
            if let traceback = error.traceback {
                text += "\n" + traceback
            }
            printError(text)
            return 1
        } catch {
            printError("inbox-lua: \(error)")
            return 1
        }
    }

    /// `inbox-lua` with no script: the REPL, for now without the inbox module.
    private static func runREPL() -> Int32 {
        do {
            return try REPL(state: LuaState(profile: .full)).run()
        } catch {
            printError("inbox-lua: \(error)")
            return 1
        }
    }

    /// `arg` as `lua5.4` builds it: the script at 0, the interpreter at -1, then the arguments.
    private static func argTable(path: String, _ arguments: [String]) -> LuaTable {
        var table = LuaTable(sequence: arguments.dropFirst().map { .string($0) })
        table[.integer(0)] = .string(path)
        table[.integer(-1)] = .string(CommandLine.arguments.first ?? "inbox-lua")
        return table
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
