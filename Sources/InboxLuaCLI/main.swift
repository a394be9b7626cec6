import Foundation

// `inbox-lua emulator ...` manages the local emulator; anything else is the
// Lua command line, which behaves like `lua5.4`.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "emulator" {
    exit(EmulatorCommand.run(Array(arguments.dropFirst())))
}
exit(ScriptCommand.run(arguments))
