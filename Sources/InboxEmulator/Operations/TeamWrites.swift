/// The writes both API versions share, so each rule of the service is
/// written once. Each runs inside the caller's transaction and appends its
/// events there.
struct TeamWrites {
    let db: SQLiteConnection
    let now: Int64

    // MARK: - Threads

    /// Applies a thread update; omitted fields stay as they are.
    func updateThread(
        _ id: String, archived: Bool? = nil, unread: Bool? = nil,
        assignee: Patch<String?> = .unchanged, typing: String? = nil
    ) throws -> ThreadRecord {
        var thread = try db.thread(id)
        if let archived, archived != thread.archived {
            thread.archived = archived
            try event(archived ? "thread.archived" : "thread.unarchived", thread: thread.id)
        }
        if let unread { thread.unread = unread }
        if let typing { thread.typing = typing }
        if case .set(let assigneeId) = assignee, assigneeId != thread.assigneeId {
            if let assigneeId { try requireMember(assigneeId, field: "assigneeId") }
            thread.assigneeId = assigneeId
            let contact = try db.contact(thread.contactId)
            let effective = assigneeId ?? contact.assigneeId
            try EventLog.append(
                effective == nil ? "thread.unassigned" : "thread.assigned",
                object: ("thread", thread.id), data: .object([("assigneeId", .text(effective))]),
                at: now, in: db)
        }
        try db.run(
            "UPDATE threads SET archived = ?, unread = ?, typing = ?, assignee_id = ? WHERE id = ?",
            [
                .bool(thread.archived), .bool(thread.unread), .text(thread.typing),
                .optional(thread.assigneeId), .text(thread.id),
            ])
        return thread
    }

    /// The thread between an account link and a contact, created (empty,
    /// active) when there is none yet.
    func openThread(accountLinkId: String, contact: ContactRecord) throws -> (
        thread: ThreadRecord, created: Bool
    ) {
        let link = try db.accountLink(accountLinkId)
        if let existing = try db.thread(accountLinkId: link.id, contactId: contact.id) {
            return (existing, false)
        }
        // A deleted thread keeps its row (and the unique pair), so revive it.
        try db.run(
            "DELETE FROM threads WHERE account_link_id = ? AND contact_id = ? AND deleted = 1",
            [.text(link.id), .text(contact.id)])
        let profile = try db.profile(contact.profileId)
        var ids = IdentifierGenerator.random()
        let thread = ThreadRecord(
            id: ids.inboxId(), accountLinkId: link.id, contactId: contact.id,
            platformId: conversationId(link.platformId, profile.platformId), assigneeId: nil,
            isRequest: false, archived: false, unread: false, typing: "teamDefault",
            createdAt: now, sortAt: now)
        try db.insert(thread)
        try EventLog.append(
            "thread.created", object: ("thread", thread.id), data: .object([]), at: now, in: db)
        return (thread, true)
    }

    /// The contact for an X user id, creating the profile and contact when
    /// the team has never met them.
    // TODO: the service needs the Advanced API add-on (403 `planRequired`)
    // for a first message to a stranger, and X would supply their real
    // profile; the emulator allows it and invents a placeholder profile.
    func contact(platformId: String) throws -> ContactRecord {
        if let profile = try db.profile(platformId: platformId) {
            if let contact = try db.contact(profileId: profile.id) { return contact }
        }
        var ids = IdentifierGenerator.random()
        let profile = ProfileRecord(
            id: ids.inboxId(), platformId: platformId, username: "user\(platformId.suffix(8))",
            displayName: "X user \(platformId.suffix(4))", bio: nil, location: nil,
            websiteUrl: nil, followerCount: 0, followingCount: 0, postCount: 0, listedCount: 0,
            engagementCount: 0, badge: nil, profileType: "personal", isProtected: false,
            platformCreatedAt: now, updatedAt: now)
        try db.insert(profile)
        let contact = ContactRecord(
            id: ids.inboxId(), profileId: profile.id, statusId: nil, notes: nil, valuation: nil,
            assigneeId: nil, createdAt: now, updatedAt: now)
        try db.insert(contact)
        return contact
    }

    // MARK: - Messages

    /// Sends `content` into `thread` from its account link, as the API does.
    func send(_ content: String, in thread: ThreadRecord, replyTo: String?) throws
        -> MessageRecord
    {
        if content.count > Platforms.characterLimit {
            throw APIProblem.contentRejected(
                "longer than \(Platforms.characterLimit) characters")
        }
        if let replyTo {
            let original = try db.message(replyTo)
            guard original.threadId == thread.id else {
                throw APIProblem.invalid(["replyToMessageId"], "Not a message of this thread")
            }
        }
        // Replying accepts a message request and moves the thread to the top.
        try db.run(
            "UPDATE threads SET sort_at = ?, is_request = 0 WHERE id = ?",
            [.int(now), .text(thread.id)])
        return try addMessage(content, to: thread, inbound: false, replyTo: replyTo)
    }

    /// Stores one message of `thread` and logs `message.sent` or
    /// `message.received`.
    private func addMessage(
        _ content: String, to thread: ThreadRecord, inbound: Bool, replyTo: String?
    ) throws -> MessageRecord {
        var ids = IdentifierGenerator.random()
        let message = MessageRecord(
            id: ids.inboxId(), threadId: thread.id, platformId: ids.platformId(),
            direction: inbound ? "inbound" : "outbound", content: content, memberId: nil,
            origin: inbound ? "external" : "api", replyTo: replyTo, createdAt: now)
        try db.insert(message)
        try EventLog.append(
            inbound ? "message.received" : "message.sent", object: ("message", message.id),
            data: .object([("threadId", .string(thread.id))]), at: now, in: db)
        return message
    }

    // MARK: - Helpers

    func requireMember(_ id: String, field: String) throws {
        do {
            _ = try db.member(id)
        } catch {
            throw APIProblem.invalid([field], "No member with this id")
        }
    }

    private func event(_ type: String, thread: String) throws {
        try EventLog.append(type, object: ("thread", thread), data: .object([]), at: now, in: db)
    }
}

extension TeamWrites {
    /// Deletes a thread from Inbox (its row stays, marked, so ids never return).
    func deleteThread(_ id: String) throws {
        let thread = try db.thread(id)
        try db.run("UPDATE threads SET deleted = 1 WHERE id = ?", [.text(id)])
        try EventLog.append(
            "thread.deleted", object: ("thread", id),
            data: .object([
                ("accountLinkId", .string(thread.accountLinkId)), ("platform", .string("twitter")),
            ]), at: now, in: db)
    }
}

extension TeamWrites {
    /// Stores a message from the person in `thread`, as the platform would
    /// deliver it: the thread comes back to the inbox, unread, at the top.
    func receive(_ content: String, in thread: ThreadRecord) throws -> MessageRecord {
        try db.run(
            "UPDATE threads SET sort_at = ?, unread = 1, archived = 0 WHERE id = ?",
            [.int(now), .text(thread.id)])
        if thread.archived {
            try EventLog.append(
                "thread.unarchived", object: ("thread", thread.id), data: .object([]), at: now,
                in: db)
        }
        return try addMessage(content, to: thread, inbound: true, replyTo: nil)
    }
}
