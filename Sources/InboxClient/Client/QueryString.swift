/// Builds a percent-encoded query string, keys and values in the order added.
///
/// Everything but RFC 3986 unreserved characters is encoded, so `+` travels as `%2B`
/// (never read as a space), a space as `%20`, and v1's brackets as `%5B`/`%5D`.
struct QueryString {
    private(set) var pairs: [(String, String)] = []

    var isEmpty: Bool { pairs.isEmpty }

    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        pairs.append((name, value))
    }

    mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map(String.init))
    }

    mutating func add(_ name: String, _ value: Int64?) {
        add(name, value.map(String.init))
    }

    /// `name=a&name=b` (v2's only form for several values).
    mutating func addRepeated(_ name: String, _ values: [String]) {
        for value in values { add(name, value) }
    }

    /// `name[0]=a&name[1]=b` (v1's indexed brackets).
    mutating func addIndexed(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() { add("\(name)[\(index)]", value) }
    }

    var encoded: String {
        pairs.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
    }
}

/// Percent-encodes every byte outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`).
func percentEncode(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            bytes.append(byte)
        default:
            bytes.append(UInt8(ascii: "%"))
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
