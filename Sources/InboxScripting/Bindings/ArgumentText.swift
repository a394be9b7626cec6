import LuaKit

/// How error messages show what a script passed: a short excerpt with NULs escaped, and
/// where a string stops being UTF-8.
enum ArgumentText {
    /// At most this many characters of an argument appear in a message.
    static let excerptLength = 60

    /// `text` as a message quotes it: NUL bytes written `\0`, and cut after
    /// ``excerptLength`` characters with `...` appended.
    static func excerpt(_ text: String) -> String {
        var shown = ""
        var count = 0
        for character in text {
            if count == excerptLength { return shown + "..." }
            shown += character == "\0" ? "\\0" : String(character)
            count += 1
        }
        return shown
    }

    /// A whole message with every NUL byte written `\0`.
    static func escapingNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return text.replacing("\0", with: "\\0")
    }

    /// The 1-based position of the first byte that is not valid UTF-8, or nil.
    static func invalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset + 1
            }
        }
    }

    /// What a message says was passed instead: `got` and the type, or for a string that is
    /// not UTF-8 `got invalid UTF-8 (byte N)`, or for an empty one `got an empty string`.
    static func got(_ value: LuaValue) -> String {
        guard case .string(let bytes) = value else { return "got \(value.typeName)" }
        if let byte = invalidUTF8Byte(bytes) { return "got invalid UTF-8 (byte \(byte))" }
        return bytes.isEmpty ? "got an empty string" : "got string"
    }
}
