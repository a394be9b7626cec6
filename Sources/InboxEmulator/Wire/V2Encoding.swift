import InboxClient

/// The v2 wire shapes (`openapi-v2.json` components), built from store rows.
enum V2Encoding {
    static let capabilities: [JSONValue] = [
        "message:send", "message:reply", "thread:message-requests", "thread:archive:observe",
    ].map(JSONValue.string)

    static func team(_ team: TeamRecord) -> JSONValue {
        .object([
            ("id", .string(team.id)), ("name", .string(team.name)), ("slug", .string(team.slug)),
            ("imageUrl", .null), ("currency", .string(team.currency)),
            ("allowSupportAccess", .bool(false)),
            ("createdAt", .string(Timestamp.format(team.createdAt))),
        ])
    }

    static func member(_ member: MemberRecord) -> JSONValue {
        .object([
            ("id", .string(member.id)), ("name", .text(member.name)),
            ("email", .string(member.email)), ("imageUrl", .null), ("role", .string(member.role)),
            ("createdAt", .string(Timestamp.format(member.createdAt))),
        ])
    }

    static func accountLink(_ link: AccountLinkRecord) -> JSONValue {
        .object([
            ("id", .string(link.id)), ("platform", .string("twitter")),
            ("platformId", .string(link.platformId)), ("username", .string(link.username)),
            ("displayName", .string(link.displayName)),
            ("avatarUrl", .string(Avatars.url(link.username))), ("status", .string(link.status)),
            ("pauseReasons", .array([])), ("capabilities", .array(capabilities)),
            ("syncedAt", Timestamp.json(link.syncedAt)),
            ("createdAt", .string(Timestamp.format(link.createdAt))),
        ])
    }

    static func tag(_ tag: TagRecord) -> JSONValue {
        .object([
            ("id", .string(tag.id)), ("name", .string(tag.name)), ("color", .string(tag.color)),
        ])
    }

    static func status(_ status: StatusRecord) -> JSONValue {
        .object([
            ("id", .string(status.id)), ("name", .string(status.name)),
            ("color", .text(status.color)),
            ("createdAt", .string(Timestamp.format(status.createdAt))),
        ])
    }

    static func profile(_ profile: ProfileRecord) -> JSONValue {
        .object([
            ("id", .string(profile.id)), ("platform", .string("twitter")),
            ("platformId", .string(profile.platformId)), ("username", .string(profile.username)),
            ("handle", .string("@" + profile.username)),
            ("displayName", .string(profile.displayName)),
            ("avatarUrl", .string(Avatars.url(profile.username))), ("bio", .text(profile.bio)),
            ("location", .text(profile.location)), ("websiteUrl", .text(profile.websiteUrl)),
            ("websiteDomain", .text(profile.websiteDomain)),
            ("verified", .bool(profile.badge != nil)),
            ("isOrganization", .bool(profile.profileType == "business")),
            ("isProtected", .bool(profile.isProtected)),
            ("followerCount", .int(profile.followerCount)),
            ("followingCount", .int(profile.followingCount)),
            ("postCount", .int(profile.postCount)),
            ("engagementCount", .int(profile.engagementCount)),
            ("listedCount", .int(profile.listedCount)), ("accountStatus", .string("active")),
            ("platformCreatedAt", .string(Timestamp.format(profile.platformCreatedAt))),
            ("profileUrl", .string("https://x.com/" + profile.username)),
            ("updatedAt", .string(Timestamp.format(profile.updatedAt))),
            (
                "platformData",
                .object([
                    ("_tag", .string("twitter")), ("badge", .text(profile.badge)),
                    ("profileType", .string(profile.profileType)),
                    ("professionalCategory", .null), ("urlEntities", .array([])),
                    ("bannerUrl", .null), ("rawData", .null),
                ])
            ),
        ])
    }

    static func contact(_ contact: ContactRecord, in db: SQLiteConnection) throws -> JSONValue {
        .object([
            ("id", .string(contact.id)),
            ("profiles", .array([profile(try db.profile(contact.profileId))])),
            ("statusId", .text(contact.statusId)),
            ("tagIds", .array(contact.tagIds.map(JSONValue.string))),
            ("notes", .text(contact.notes)),
            ("valuation", contact.valuation.map(JSONValue.number) ?? .null),
            ("assigneeId", .text(contact.assigneeId)),
            ("createdAt", .string(Timestamp.format(contact.createdAt))),
            ("updatedAt", .string(Timestamp.format(contact.updatedAt))),
        ])
    }

    /// A thread, with the related objects `expand` names embedded after its fields.
    static func thread(_ thread: ThreadRecord, in db: SQLiteConnection, expand: [String] = [])
        throws -> JSONValue
    {
        let contact = try db.contact(thread.contactId)
        let last = try db.lastMessage(threadId: thread.id)
        let lastMessage: JSONValue =
            last.map {
                .object([
                    ("id", .string($0.id)), ("direction", .string($0.direction)),
                    ("createdAt", .string(Timestamp.format($0.createdAt))),
                ])
            } ?? .null
        let activity: JSONValue =
            last.map {
                .object([
                    ("preview", .string($0.content)), ("direction", .string($0.direction)),
                    ("at", .string(Timestamp.format($0.createdAt))),
                ])
            } ?? .null
        let assigneeId = thread.assigneeId ?? contact.assigneeId
        var expanded: [(String, JSONValue)] = []
        for name in expand {
            switch name {
            case "profile": expanded.append((name, profile(try db.profile(contact.profileId))))
            case "contact": expanded.append((name, try self.contact(contact, in: db)))
            case "accountLink":
                expanded.append((name, accountLink(try db.accountLink(thread.accountLinkId))))
            case "assignee":
                if let assigneeId { expanded.append((name, member(try db.member(assigneeId)))) }
            default: break
            }
        }
        return .object(
            [
                ("id", .string(thread.id)), ("platform", .string("twitter")),
                ("platformId", .string(thread.platformId)),
                ("accountLinkId", .string(thread.accountLinkId)),
                ("profileId", .string(contact.profileId)), ("contactId", .string(contact.id)),
                ("assigneeId", .text(assigneeId)), ("isRequest", .bool(thread.isRequest)),
                ("acceptanceState", .string(thread.isRequest ? "required" : "notRequired")),
                ("archived", .bool(thread.archived)), ("unread", .bool(thread.unread)),
                ("restrictions", .array([])), ("syncing", .bool(false)),
                ("typingIndicators", .string(thread.typing)), ("lastMessage", lastMessage),
                ("activity", activity), ("createdAt", .string(Timestamp.format(thread.createdAt))),
            ] + expanded)
    }

    static func message(_ message: MessageRecord, in db: SQLiteConnection) throws -> JSONValue {
        let thread = try db.thread(message.threadId)
        return .object([
            ("id", .string(message.id)), ("threadId", .string(message.threadId)),
            ("accountLinkId", .string(thread.accountLinkId)), ("platform", .string("twitter")),
            ("platformId", .text(message.platformId)), ("direction", .string(message.direction)),
            ("sentBy", sentBy(message)), ("content", .string(message.content)),
            (
                "entities",
                .object(
                    ["urls", "postShares", "mentions", "hashtags", "cashtags", "format"].map {
                        ($0, .array([]))
                    })
            ),
            ("attachments", .array([])), ("forwarded", .null), ("reactions", .array([])),
            ("editedAt", .null), ("deletedAt", .null),
            ("createdAt", .string(Timestamp.format(message.createdAt))),
            ("platformData", .object([("_tag", .string("twitter")), ("encrypted", .bool(false))])),
            ("replyTo", try replyTo(message, in: db)),
        ])
    }

    private static func sentBy(_ message: MessageRecord) -> JSONValue {
        guard message.direction == "outbound" else { return .null }
        if message.origin == "api" {
            return .object([("type", .string("api")), ("tokenId", .null)])
        }
        guard let memberId = message.memberId else { return .null }
        return .object([("type", .string("member")), ("memberId", .string(memberId))])
    }

    private static func replyTo(_ message: MessageRecord, in db: SQLiteConnection) throws
        -> JSONValue
    {
        guard let id = message.replyTo else { return .null }
        let original = try db.message(id)
        return .object([
            ("messageId", .string(original.id)), ("platformId", .text(original.platformId)),
            ("content", .string(original.content)), ("authorName", .null),
        ])
    }

    static func event(_ event: EventRecord) -> JSONValue {
        .object([
            ("id", .string(event.id)), ("seq", .int(event.seq)), ("type", .string(event.type)),
            ("apiVersion", .string("2")),
            ("createdAt", .string(Timestamp.format(event.createdAt))),
            (
                "object",
                .object([
                    ("type", .string(event.objectType)), ("id", .string(event.objectId)),
                    ("url", .string(EventLog.url(type: event.objectType, id: event.objectId))),
                ])
            ),
            ("data", JSONValue.parse(bytes: Array(event.data.utf8)) ?? .object([])),
        ])
    }
}

/// Avatar URLs in the CDN shape X uses.
enum Avatars {
    static func url(_ username: String) -> String {
        "https://pbs.twimg.com/profile_images/\(username)/avatar_400x400.jpg"
    }
}

extension ProfileRecord {
    /// The host of the website, without `www.`.
    var websiteDomain: String? {
        guard let websiteUrl else { return nil }
        let host = websiteUrl.split(separator: "/").dropFirst().first.map(String.init)
        return host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 }
    }
}
