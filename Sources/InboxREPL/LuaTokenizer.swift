/// One token of Lua source: its kind and where it sits in the bytes.
struct LuaToken: Equatable {
    enum Kind: Equatable {
        /// A name or a reserved word.
        case name
        /// A short or long string literal.
        case string
        /// A numeral.
        case number
        /// Punctuation: `=`, `==`, `<`, `,`, ...
        case symbol
    }

    var kind: Kind
    var range: Range<Int>
    var text: String
}

/// Splits Lua source into tokens, skipping comments and whitespace.
///
/// It only has to be right about code that already compiles: the REPL tokenizes a chunk
/// after Lua's own parser accepted it.
struct LuaTokenizer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ source: [UInt8]) {
        bytes = source
    }

    /// Every token of the source.
    static func tokens(of source: [UInt8]) -> [LuaToken] {
        var tokenizer = LuaTokenizer(source)
        var tokens: [LuaToken] = []
        while let token = tokenizer.next() {
            tokens.append(token)
        }
        return tokens
    }

    mutating func next() -> LuaToken? {
        skipSpaceAndComments()
        guard position < bytes.count else { return nil }
        let start = position
        let byte = bytes[position]
        let kind: LuaToken.Kind
        if LuaSyntax.isNameByte(byte) && !LuaSyntax.isDigit(byte) {
            while position < bytes.count && LuaSyntax.isNameByte(bytes[position]) {
                position += 1
            }
            kind = .name
        } else if LuaSyntax.isDigit(byte) || (byte == dot && isDigit(at: position + 1)) {
            skipNumeral()
            kind = .number
        } else if byte == quote || byte == apostrophe {
            skipShortString(closing: byte)
            kind = .string
        } else if let level = longBracketLevel(at: position) {
            skipLongBracket(level: level)
            kind = .string
        } else {
            skipSymbol()
            kind = .symbol
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return LuaToken(kind: kind, range: start..<position, text: text)
    }

    // MARK: - Pieces

    private let dot = UInt8(ascii: ".")
    private let quote = UInt8(ascii: "\"")
    private let apostrophe = UInt8(ascii: "'")
    private let dash = UInt8(ascii: "-")

    private func isDigit(at index: Int) -> Bool {
        index < bytes.count && LuaSyntax.isDigit(bytes[index])
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                position += 1
            } else if byte == dash && position + 1 < bytes.count && bytes[position + 1] == dash {
                position += 2
                if let level = longBracketLevel(at: position) {
                    skipLongBracket(level: level)
                } else {
                    while position < bytes.count && bytes[position] != 0x0A {
                        position += 1
                    }
                }
            } else {
                return
            }
        }
    }

    /// The level of a long bracket `[==[` opening at `index` (its count of `=`), if any.
    private func longBracketLevel(at index: Int) -> Int? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        var cursor = index + 1
        while cursor < bytes.count && bytes[cursor] == UInt8(ascii: "=") {
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "[") else { return nil }
        return cursor - index - 1
    }

    private mutating func skipLongBracket(level: Int) {
        position += level + 2
        let closing =
            [UInt8(ascii: "]")] + Array(repeating: UInt8(ascii: "="), count: level)
            + [UInt8(ascii: "]")]
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "]"),
                bytes[position...].starts(with: closing)
            {
                position += closing.count
                return
            }
            position += 1
        }
    }

    private mutating func skipShortString(closing: UInt8) {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\\") {
                position += 1
            } else if byte == closing || byte == 0x0A {
                return
            }
        }
    }

    private mutating func skipNumeral() {
        while position < bytes.count {
            let byte = bytes[position]
            let lower = byte | 0x20
            if LuaSyntax.isNameByte(byte) || byte == dot {
                position += 1
                let exponent = lower == UInt8(ascii: "e") || lower == UInt8(ascii: "p")
                if exponent && position < bytes.count
                    && (bytes[position] == UInt8(ascii: "+") || bytes[position] == dash)
                {
                    position += 1
                }
            } else {
                return
            }
        }
    }

    /// Multi-byte symbols, longest first; any other symbol is one byte.
    private static let symbols: [[UInt8]] = [
        "...", "..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>",
    ].map { Array($0.utf8) }

    private mutating func skipSymbol() {
        let rest = bytes[position...]
        let length = Self.symbols.first { rest.starts(with: $0) }?.count ?? 1
        position += length
    }
}
