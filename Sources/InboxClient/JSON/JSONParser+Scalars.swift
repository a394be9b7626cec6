import FoundationEssentials

extension JSONParser {
    /// Parses a string starting at its opening quote; leaves `index` after the closing one.
    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var seen = skipPlainBytes()
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // ASCII needs no validation; anything else is validated as UTF-8.
                let string =
                    seen < 0x80 ? String(decoding: slice, as: UTF8.self) : try makeString(slice)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw failure("control character in string") }
            seen |= byte
            index += 1
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        return try parseEscapedString(into: &buffer)
    }

    /// Skips eight bytes at a time while none is a quote, a backslash or a control
    /// character: most of a document's bytes are inside strings. Returns 0x80 when a
    /// skipped byte is not ASCII, else 0.
    private mutating func skipPlainBytes() -> UInt8 {
        guard let base = bytes.baseAddress else { return 0 }
        var seen: UInt64 = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = ones &* 0x22
        let backslashes = ones &* 0x5C
        let spaces = ones &* 0x20
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ quotes
            let backslash = word ^ backslashes
            // A term has a high bit set exactly when some byte is a quote, a backslash, or
            // below 0x20 (the classic "has a zero byte" and "has a byte less than" tests).
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- spaces) & ~word)
            if special & highs != 0 { break }
            seen |= word
            index += 8
        }
        return seen & highs == 0 ? 0 : 0x80
    }

    /// Makes a string of UTF-8 bytes, failing on invalid UTF-8 instead of repairing it.
    private func makeString(_ slice: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> String {
        // The standard library's validating constructor, without the generic dispatch of
        // `String(validating:as:)` that costs a metadata lookup per string.
        guard let string = String._tryFromUTF8(slice) else {
            throw failure("invalid UTF-8 in string")
        }
        return string
    }

    private mutating func parseEscapedString(into buffer: inout [UInt8])
        throws(JSONParseError) -> String
    {
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try buffer.withUnsafeBufferPointer { slice throws(JSONParseError) in
                    try makeString(slice)
                }
            case UInt8(ascii: "\\"):
                try appendEscape(to: &buffer)
            case 0..<0x20:
                index -= 1
                throw failure("control character in string")
            default:
                buffer.append(byte)
            }
        }
        throw failure("unexpected end of input")
    }

    private mutating func appendEscape(to buffer: inout [UInt8]) throws(JSONParseError) {
        guard index < bytes.count else { throw failure("unexpected end of input") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape(to: &buffer)
        default:
            index -= 1
            throw failure("invalid escape")
        }
    }

    private mutating func appendUnicodeEscape(to buffer: inout [UInt8]) throws(JSONParseError) {
        var scalar = try readHex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired surrogate") }
            index += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("unpaired surrogate")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid escape") }
        buffer.append(contentsOf: String(Character(unicode)).utf8)
    }

    private mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else {
            index = bytes.count
            throw failure("unexpected end of input")
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Parses a number; integers that fit in 64 bits stay exact.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        // Accumulates negatively so that Int64.min fits; overflow falls back to Double.
        var magnitude: Int64 = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int64(bytes[index] - 0x30))
            overflow = overflow || o1 || o2
            magnitude = next
            index += 1
        }
        guard index > digitsStart else { throw failure("invalid number") }
        if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 {
            throw failure("leading zero in number")
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw failure("invalid number") }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == 0x2D {
                index += 1
            }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw failure("invalid number") }
        }
        if isInteger, !overflow {
            if negative { return .integer(magnitude) }
            if magnitude != .min { return .integer(-magnitude) }
        }
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]),
            as: UTF8.self)
        guard let double = Double(text) else { throw failure("invalid number") }
        return .double(double)
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    }
}
