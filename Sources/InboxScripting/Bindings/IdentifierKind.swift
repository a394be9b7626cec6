/// Tells the two kinds of id apart: Inbox ids are cuid2 strings (lowercase letters and
/// digits, starting with a letter); platform ids (X user ids) are all digits.
enum IdentifierKind {
    /// All ASCII digits, such as `1566123362161725441`.
    static func isPlatformId(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A cuid2-shaped Inbox id, such as `p3nf8wz2qk6vj9dm4cx7hbt1`.
    static func isInboxId(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61, first <= 0x7A, text.utf8.count >= 8
        else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
