/// Catches the commonest id mix-up before it becomes a puzzling 404: an X platform id (all
/// digits, 15 or more of them) passed where an Inbox account link id belongs.
enum IDCheck {
    static func accountLinkId(_ id: String, _ operation: String) throws {
        guard id.utf8.count >= 15, id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return
        }
        throw InboxError.invalidArgument(
            operation,
            "accountLinkId \"\(id)\" looks like an X platform id; use the account link's id "
                + "(see the account links list)")
    }

    static func accountLinkIds(_ ids: [String], _ operation: String) throws {
        for id in ids { try accountLinkId(id, operation) }
    }
}
