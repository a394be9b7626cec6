#if canImport(Glibc)
    import Glibc
#endif

// `inbox-lua emulator ...` manages the local emulator; anything else is the Lua command
// line, which behaves like `lua5.4` (a script called `emulator` runs as `./emulator`).
let argv = CommandLine.arguments
if argv.count > 1 && argv[1] == "emulator" {
    exit(EmulatorCommand.run(Array(argv.dropFirst(2))))
}
let status = ScriptCommand.run(argv)
Output.flush()
exit(status)
