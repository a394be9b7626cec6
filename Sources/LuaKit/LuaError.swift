import CLua

/// An error from Lua, or from moving values between Swift and Lua.
public struct LuaError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The chunk does not compile.
        case syntax
        /// An error raised while running.
        case runtime
        /// Out of memory, or over the memory limit of ``LuaLimits``.
        case memory
        /// The message handler itself failed.
        case errorInHandler
        /// A file could not be read.
        case file
        /// The run went over its instruction budget.
        case instructionLimit
        /// The run went past its deadline.
        case timeLimit

        init(status: Int32) {
            switch status {
            case LUA_ERRSYNTAX: self = .syntax
            case LUA_ERRMEM: self = .memory
            case LUA_ERRERR: self = .errorInHandler
            case LUA_ERRFILE: self = .file
            default: self = .runtime
            }
        }

        /// The limit a Swift function trips by throwing an error of this kind: the time
        /// and instruction limits (a memory error stays an error value).
        var tripsLimit: Int32? {
            switch self {
            case .timeLimit: Int32(INBOX_LUA_LIMIT_TIME)
            case .instructionLimit: Int32(INBOX_LUA_LIMIT_INSTRUCTIONS)
            default: nil
            }
        }

        init(limit: Int32) {
            switch limit {
            case Int32(INBOX_LUA_LIMIT_INSTRUCTIONS): self = .instructionLimit
            case Int32(INBOX_LUA_LIMIT_TIME): self = .timeLimit
            default: self = .memory
            }
        }
    }

    /// What went wrong.
    public var kind: Kind

    /// The message as `lua5.4` prints it, position included: `chunk:line: text`. Error
    /// values that are not strings read `(error object is a table value)`, unless they
    /// have `__tostring`.
    public var message: String

    /// The chunk named at the start of the message (`broken.lua`, `[string "x = "]`), if any.
    public var chunk: String?

    /// The line named in the message, if any.
    public var line: Int?

    /// Lua's `stack traceback:` text, when the error was raised while running.
    public var traceback: String?

    /// The original error value, unchanged: a binding that rethrows this error raises the
    /// very same value in Lua.
    public var value: LuaReference?

    /// Creates an error; the chunk and line are read from the message unless given.
    public init(
        kind: Kind, message: String, chunk: String? = nil, line: Int? = nil,
        traceback: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        let position = LuaError.position(in: message)
        self.chunk = chunk ?? position?.chunk
        self.line = line ?? position?.line
    }

    /// True for a syntax error at the end of the input: a REPL should read another line.
    public var isIncompleteInput: Bool {
        kind == .syntax && message.hasSuffix("<eof>")
    }

    /// The message.
    public var description: String { message }

    /// Finds `chunk:line:` at the start of a message.
    static func position(in message: String) -> (chunk: String, line: Int)? {
        let text = Substring(message)
        var searchFrom = text.startIndex
        if text.hasPrefix("[string \""), let close = text.firstRange(of: "\"]") {
            searchFrom = close.upperBound
        }
        var index = searchFrom
        while let colon = text[index...].firstIndex(of: ":") {
            let digits = text[text.index(after: colon)...].prefix { $0.isASCII && $0.isNumber }
            let after = digits.endIndex
            if !digits.isEmpty, after < text.endIndex, text[after] == ":",
                let line = Int(digits), colon > text.startIndex
            {
                return (String(text[..<colon]), line)
            }
            index = text.index(after: colon)
        }
        return nil
    }
}
