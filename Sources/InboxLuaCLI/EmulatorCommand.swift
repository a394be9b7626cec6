// Placeholder until the emulator's subcommands land.
enum EmulatorCommand {
    static func run(_ arguments: [String]) -> Int32 { 64 }
}
