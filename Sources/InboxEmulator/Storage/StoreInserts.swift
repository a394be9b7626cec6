/// The INSERTs every writer shares: the seed, the routes and import.
extension SQLiteConnection {
    func insert(_ member: MemberRecord) throws {
        try run(
            "INSERT INTO members (\(Columns.member)) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .text(member.id), .text(member.userId), .optional(member.name),
                .text(member.email), .text(member.role), .int(member.createdAt),
            ])
    }

    func insert(_ link: AccountLinkRecord) throws {
        try run(
            "INSERT INTO account_links (\(Columns.accountLink)) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .text(link.id), .text(link.platformId), .text(link.username),
                .text(link.displayName), .text(link.status), .optional(link.syncedAt),
                .int(link.createdAt),
            ])
    }

    func insert(_ tag: TagRecord) throws {
        try run(
            "INSERT INTO tags (\(Columns.tag)) VALUES (?, ?, ?, ?)",
            [.text(tag.id), .text(tag.name), .text(tag.color), .int(tag.createdAt)])
    }

    func insert(_ status: StatusRecord) throws {
        try run(
            "INSERT INTO statuses (\(Columns.status)) VALUES (?, ?, ?, ?, ?)",
            [
                .text(status.id), .text(status.name), .optional(status.color),
                .int(status.position), .int(status.createdAt),
            ])
    }

    func insert(_ profile: ProfileRecord) throws {
        try run(
            "INSERT INTO profiles (\(Columns.profile)) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(profile.id), .text(profile.platformId), .text(profile.username),
                .text(profile.displayName), .optional(profile.bio),
                .optional(profile.location), .optional(profile.websiteUrl),
                .int(profile.followerCount), .int(profile.followingCount),
                .int(profile.postCount), .int(profile.listedCount),
                .int(profile.engagementCount), .optional(profile.badge),
                .text(profile.profileType), .bool(profile.isProtected),
                .int(profile.platformCreatedAt), .int(profile.updatedAt),
            ])
    }

    func insert(_ contact: ContactRecord) throws {
        try run(
            "INSERT INTO contacts (\(Columns.contact)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(contact.id), .text(contact.profileId), .optional(contact.statusId),
                .optional(contact.notes), contact.valuation.map(SQLiteValue.double) ?? .null,
                .optional(contact.assigneeId), .int(contact.createdAt),
                .int(contact.updatedAt),
            ])
        for tagId in contact.tagIds {
            try run(
                "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
                [.text(contact.id), .text(tagId)])
        }
    }

    func insert(_ thread: ThreadRecord) throws {
        try run(
            "INSERT INTO threads (\(Columns.thread)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(thread.id), .text(thread.accountLinkId), .text(thread.contactId),
                .text(thread.platformId), .optional(thread.assigneeId),
                .bool(thread.isRequest), .bool(thread.archived), .bool(thread.unread),
                .text(thread.typing), .int(thread.createdAt), .int(thread.sortAt),
            ])
    }

    func insert(_ message: MessageRecord) throws {
        try run(
            "INSERT INTO messages (\(Columns.message)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(message.id), .text(message.threadId), .optional(message.platformId),
                .text(message.direction), .text(message.content), .optional(message.memberId),
                .text(message.origin), .optional(message.replyTo), .int(message.createdAt),
            ])
    }
}
