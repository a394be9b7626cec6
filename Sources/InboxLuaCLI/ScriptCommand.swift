// Placeholder until the Lua command line lands.
enum ScriptCommand {
    static func run(_ arguments: [String]) -> Int32 { 64 }
}
