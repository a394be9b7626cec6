/// Tells the two kinds of id apart: Inbox ids are cuid2 strings (lowercase letters and
/// digits, starting with a letter); platform ids (X user ids) are all digits.
enum IdentifierKind {
    /// All ASCII digits, such as `1566123362161725441`.
    static func isPlatformId(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Two runs of digits joined by `:` or `-`, as X names a conversation and as a
    /// thread's `platformId` reads, such as `1437502833589490409:1876543210987654321`.
    static func isConversationId(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let halves =
            parts.count == 2 ? parts : text.split(separator: "-", omittingEmptySubsequences: false)
        return halves.count == 2 && halves.allSatisfy { isPlatformId(String($0)) }
    }

    /// What an id where an Inbox id belongs looks like instead, when it is a platform id of
    /// some kind: the hint for the error, or nil.
    static func platformHint(_ text: String) -> String? {
        if isPlatformId(text) {
            return "looks like an X platform id; use the Inbox id (the `id` field)"
        }
        if isConversationId(text) {
            return "looks like an X conversation id (a thread's platformId); "
                + "use the thread's Inbox id (the `id` field)"
        }
        return nil
    }

    /// A cuid2-shaped Inbox id, such as `p3nf8wz2qk6vj9dm4cx7hbt1`.
    static func isInboxId(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 0x61, first <= 0x7A, text.utf8.count >= 8
        else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}
