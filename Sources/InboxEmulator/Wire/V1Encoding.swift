import InboxClient

/// The v1 wire shapes (`openapi-v1.json` components), built from store rows.
enum V1Encoding {
    static func team(_ team: TeamRecord) -> JSONValue {
        .object([
            ("id", .string(team.id)), ("name", .string(team.name)), ("slug", .string(team.slug)),
            ("image", .null), ("createdAt", .string(Timestamp.format(team.createdAt))),
            ("updatedAt", .null), ("currency", .string(team.currency)),
            ("allowSupportAccess", .bool(false)),
        ])
    }

    static func member(_ member: MemberRecord) -> JSONValue {
        .object([
            ("id", .string(member.id)), ("userId", .string(member.userId)),
            ("name", .text(member.name)), ("email", .string(member.email)), ("image", .null),
            ("role", .string(member.role)),
            ("createdAt", .string(Timestamp.format(member.createdAt))), ("updatedAt", .null),
        ])
    }

    static func accountLink(_ link: AccountLinkRecord) -> JSONValue {
        .object([
            ("id", .string(link.id)), ("platform", .string("twitter")),
            ("platformId", .string(link.platformId)), ("name", .string(link.displayName)),
            ("username", .string(link.username)), ("image", .string(Avatars.url(link.username))),
            ("createdAt", .string(Timestamp.format(link.createdAt))),
            ("status", .string(link.status)), ("syncedAt", Timestamp.json(link.syncedAt)),
        ])
    }

    /// v1 tags and statuses share v2's fields (`Tag` has no `createdAt` in v1).
    static func tag(_ tag: TagRecord) -> JSONValue { V2Encoding.tag(tag) }

    static func status(_ status: StatusRecord) -> JSONValue { V2Encoding.status(status) }

    static func prospect(_ contact: ContactRecord, in db: SQLiteConnection, withThreads: Bool)
        throws -> JSONValue
    {
        let profile = try db.profile(contact.profileId)
        var context: [(String, JSONValue)] = [
            ("tags", .array(contact.tagIds.map(JSONValue.string))),
            ("statusId", .text(contact.statusId)),
            ("valuation", contact.valuation.map(JSONValue.number) ?? .null),
            ("notes", .text(contact.notes)),
        ]
        if withThreads {
            let threads = try db.rows(
                """
                SELECT id, account_link_id, created_at FROM threads
                WHERE contact_id = ? AND deleted = 0 ORDER BY created_at, id
                """, [.text(contact.id)]
            ) { ($0.text(0), $0.text(1), $0.int(2)) }
            context.append(
                (
                    "threads",
                    .array(
                        try threads.map { thread in
                            .object([
                                ("id", .string(thread.0)), ("accountLinkId", .string(thread.1)),
                                (
                                    "lastMessageTimestamp",
                                    Timestamp.json(
                                        try db.lastMessage(threadId: thread.0)?.createdAt)
                                ),
                                ("createdAt", .string(Timestamp.format(thread.2))),
                            ])
                        })
                ))
        }
        let badge = profile.badge
        let verified =
            switch badge {
            case "blue": "verified"
            case "gold": "business"
            case "gray": "government"
            default: "none"
            }
        let avatar = JSONValue.string(Avatars.url(profile.username))
        return .object([
            ("platform", .string("twitter")), ("platformId", .string(profile.platformId)),
            ("externalId", .string(contact.id)), ("documentId", .null),
            ("displayName", .string(profile.displayName)), ("username", .string(profile.username)),
            ("handle", .string("@" + profile.username)), ("image", avatar),
            ("imageNormalized", avatar), ("bio", .text(profile.bio)),
            ("location", .text(profile.location)),
            ("profileUrl", .string("https://x.com/" + profile.username)),
            ("websiteUrl", .text(profile.websiteUrl)),
            ("websiteDomain", .text(profile.websiteDomain)), ("verified", .string(verified)),
            ("profileType", .string(profile.profileType)),
            ("isProtected", .bool(profile.isProtected)),
            ("followerCount", .int(profile.followerCount)),
            ("followingCount", .int(profile.followingCount)),
            ("postCount", .int(profile.postCount)),
            ("engagementCount", .int(profile.engagementCount)),
            ("listedCount", .int(profile.listedCount)),
            ("platformCreatedAt", .string(Timestamp.format(profile.platformCreatedAt))),
            ("firstSeenAt", .string(Timestamp.format(contact.createdAt))),
            ("lastUpdatedAt", .string(Timestamp.format(profile.updatedAt))),
            ("lastEnrichedAt", .string(Timestamp.format(profile.updatedAt))),
            ("lastActiveAt", .null), ("source", .string("cached")), ("isFresh", .bool(false)),
            ("isStale", .bool(true)), ("confidence", .double(0.5)),
            (
                "platformData",
                .object([
                    ("isVerifiedBlue", .bool(badge == "blue")),
                    ("isVerifiedGold", .bool(badge == "gold")),
                    ("isVerifiedGray", .bool(badge == "gray")), ("professionalCategory", .null),
                    ("urlEntities", .array([])), ("bannerUrl", .null),
                    ("tweetsCount", .int(profile.postCount)),
                    ("favoritesCount", .int(profile.engagementCount)), ("rawData", .null),
                ])
            ),
            ("context", .object(context)),
        ])
    }

    /// A v1 thread. The emulator keeps no encrypted X Chat threads, so every
    /// thread is `unencrypted`, matching v2's `encrypted: false`.
    static func thread(_ thread: ThreadRecord, in db: SQLiteConnection) throws -> JSONValue {
        let contact = try db.contact(thread.contactId)
        let last = try db.lastMessage(threadId: thread.id)
        let lastMessage: JSONValue =
            last.map {
                .object([
                    ("id", .string($0.id)), ("content", .string($0.content)),
                    ("authorId", .string(author($0, thread: thread))),
                    ("createdAt", .string(Timestamp.format($0.createdAt))),
                    ("userId", .text($0.memberId)), ("campaignId", .null),
                ])
            } ?? .null
        let typing: JSONValue =
            switch thread.typing {
            case "enabled": .bool(true)
            case "disabled": .bool(false)
            default: .null
            }
        return .object([
            ("id", .string(thread.id)), ("platform", .string("twitter")),
            ("platformId", .string(thread.platformId)), ("done", .bool(thread.archived)),
            ("assigneeId", .text(thread.assigneeId ?? contact.assigneeId)),
            ("lastMessageTimestamp", Timestamp.json(last?.createdAt)),
            ("computedSortTimestamp", .string(Timestamp.format(thread.sortAt))),
            ("createdAt", .string(Timestamp.format(thread.createdAt))),
            ("status", .string("active")),
            ("variant", .string("unencrypted")),
            ("accountLinkId", .string(thread.accountLinkId)), ("isSyncing", .bool(false)),
            ("isRequest", .bool(thread.isRequest)), ("typingIndicatorsEnabled", typing),
            ("lastMessage", lastMessage),
            ("prospect", try prospect(contact, in: db, withThreads: false)),
        ])
    }

    /// v1's `authorId`: the account link for outbound, the prospect for inbound.
    private static func author(_ message: MessageRecord, thread: ThreadRecord) -> String {
        message.direction == "outbound" ? thread.accountLinkId : thread.contactId
    }

    static func message(_ message: MessageRecord, team: String, in db: SQLiteConnection) throws
        -> JSONValue
    {
        let thread = try db.thread(message.threadId)
        return .object([
            ("platform", .string("twitter")), ("teamId", .string(team)),
            ("threadId", .string(message.threadId)), ("id", .string(message.id)),
            ("userId", .text(message.memberId)),
            ("createdAt", .string(Timestamp.format(message.createdAt))), ("updatedAt", .null),
            ("platformId", .text(message.platformId)), ("content", .string(message.content)),
            ("campaignId", .null), ("authorId", .string(author(message, thread: thread))),
            ("origin", .string(message.origin)),
            ("replyData", message.replyTo.map { .object([("messageId", .string($0))]) } ?? .null),
            ("forwardData", .null), ("entities", .object([])), ("attachment", .null),
            ("reactions", .array([])), ("isEncrypted", .bool(false)), ("isEdited", .bool(false)),
            ("deletedAt", .null), ("platformDeletedAt", .null),
        ])
    }

    static func event(_ event: EventRecord, team: String) -> JSONValue {
        var data: [(String, JSONValue)] = [(event.objectType + "Id", .string(event.objectId))]
        if let pairs = JSONValue.parse(bytes: Array(event.data.utf8))?.pairs {
            data += pairs.filter { $0.0 != event.objectType + "Id" }
        }
        return .object([
            ("id", .string(event.id)), ("seq", .int(event.seq)), ("teamId", .string(team)),
            ("type", .string(EventLog.legacyType(event.type) ?? event.type)),
            ("timestamp", .string(Timestamp.format(event.createdAt))),
            ("version", .string("1.0")), ("data", .object(data)),
        ])
    }
}
