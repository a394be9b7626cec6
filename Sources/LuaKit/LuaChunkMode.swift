/// Which kinds of chunk ``LuaState/load(_:name:mode:)-([UInt8],_,_)`` accepts.
public enum LuaChunkMode: Sendable, Equatable {
    /// Source text only: the safe default.
    case text

    /// Text or precompiled bytecode. Only for trusted input: crafted bytecode can crash
    /// the Lua VM.
    case textOrBinary

    var cMode: String {
        switch self {
        case .text: "t"
        case .textOrBinary: "bt"
        }
    }
}
