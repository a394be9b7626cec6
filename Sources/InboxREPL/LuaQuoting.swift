/// Writes byte strings as Lua string literals.
enum LuaQuoting {
    /// `bytes` in double quotes, readable back by Lua: valid UTF-8 stays as it is;
    /// `\n`, `\t`, `\r`, `\\` and `\"` are escaped by name; other control bytes and bytes
    /// that are not UTF-8 become `\xHH`. Past `limit` bytes the string is cut at a
    /// character boundary and its length follows: `"abc"... (5000 bytes)`.
    static func quote(_ bytes: [UInt8], limit: Int) -> String {
        var cut = bytes.count
        if cut > limit {
            cut = max(0, limit)
            while cut > 0 && cut < bytes.count && bytes[cut] & 0xC0 == 0x80 {
                cut -= 1
            }
        }
        var text = "\""
        var index = 0
        while index < cut {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : sequenceLength(bytes, at: index, end: cut)
            if length > 1 {
                text += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
                continue
            }
            text += escape(byte)
            index += 1
        }
        text += "\""
        if cut < bytes.count {
            text += "... (\(bytes.count) bytes)"
        }
        return text
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\n"): return "\\n"
        case UInt8(ascii: "\t"): return "\\t"
        case UInt8(ascii: "\r"): return "\\r"
        case UInt8(ascii: "\\"): return "\\\\"
        case UInt8(ascii: "\""): return "\\\""
        case 0x20..<0x7F: return String(UnicodeScalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "\\x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }

    /// The length of the well-formed UTF-8 sequence at `index` (RFC 3629: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), or 1 when there is none.
    static func sequenceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xED: (length, high) = (3, 0x9F)
        case 0xE1...0xEF: length = 3
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF4: (length, high) = (4, 0x8F)
        case 0xF1...0xF3: length = 4
        default: return 1
        }
        guard index + length <= end else { return 1 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 1 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
            return 1
        }
        return length
    }
}
